/**
 * The publish scheduler and the input gauge (./server/src/features/publish-scheduler.ts,
 * input-gauge.ts) on their own: a publish waits for the input read to be handled, one publish per
 * document is being sent at a time, and what falls due meanwhile is one more send of the newest state.
 */
import * as assert from 'node:assert/strict';
import { InputGauge } from '../../../server/src/features/input-gauge';
import { PublishScheduler } from '../../../server/src/features/publish-scheduler';

const turn = () => new Promise<void>((r) => setImmediate(r));
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await turn();
}

function harness(debounce = 0) {
  const gauge = new InputGauge();
  const sends: { uri: string; done: () => void }[] = [];
  // One scheduler per document, as each document's session has one.
  const perDocument = new Map<string, PublishScheduler>();
  const of = (uri: string): PublishScheduler => {
    let s = perDocument.get(uri);
    if (!s)
      perDocument.set(
        uri,
        (s = new PublishScheduler(
          gauge,
          () => debounce,
          () => new Promise<void>((resolve) => sends.push({ uri, done: resolve })),
        )),
      );
    return s;
  };
  const scheduler = { schedule: (uri: string) => of(uri).schedule(), cancel: (uri: string) => of(uri).cancel() };
  return { gauge, sends, scheduler };
}

describe('publish scheduler', function () {
  it('changes scheduled in one turn are one send', async function () {
    const { scheduler, sends } = harness();
    for (let i = 0; i < 50; i++) scheduler.schedule('a');
    await turns(3);
    assert.equal(sends.length, 1);
  });

  it('waits while input read is not dispatched, and sends once it is', async function () {
    const { gauge, scheduler, sends } = harness();
    for (let i = 0; i < 3; i++) gauge.read({ method: 'textDocument/didChange' });
    scheduler.schedule('a');
    // The connection dispatches one message per turn: the send waits for all three.
    for (let i = 0; i < 3; i++) {
      await turn();
      assert.equal(sends.length, 0, `input still waiting after ${i} dispatches`);
      gauge.dispatch({ method: 'textDocument/didChange' });
    }
    await turns(2);
    assert.equal(sends.length, 1);
  });

  it('$/cancelRequest is counted on neither side; a request removed unanswered counts as dispatched', async function () {
    const { gauge, scheduler, sends } = harness();
    gauge.read({ id: 1, method: 'textDocument/hover' });
    gauge.read({ method: '$/cancelRequest', params: { id: 1 } });
    assert.equal(gauge.pending, 1);
    gauge.dispatchedWithoutHandler();
    assert.equal(gauge.pending, 0);
    scheduler.schedule('a');
    await turns(2);
    assert.equal(sends.length, 1);
  });

  it('counts that disagree (a message replaced in the queue) do not hold publishes back for ever', async function () {
    const { gauge, scheduler, sends } = harness();
    gauge.read({ id: 1, method: 'textDocument/hover' });
    gauge.read({ id: 1, method: 'textDocument/hover' }); // same id: the connection's queue keeps one
    gauge.dispatch({ id: 1, method: 'textDocument/hover' });
    scheduler.schedule('a');
    await turns(5);
    assert.equal(sends.length, 1, 'sent once two turns passed without a dispatch');
    assert.equal(gauge.pending, 0);
  });

  it('one send per document at a time: what falls due meanwhile is one more send, after it completes', async function () {
    const { scheduler, sends } = harness();
    scheduler.schedule('a');
    await turns(2);
    assert.equal(sends.length, 1);
    for (let i = 0; i < 20; i++) {
      scheduler.schedule('a');
      await turns(2);
    }
    scheduler.schedule('b');
    await turns(2);
    assert.deepEqual(
      sends.map((s) => s.uri),
      ['a', 'b'],
      'b is not held back by a',
    );
    sends[0].done();
    await turns(3);
    assert.deepEqual(
      sends.map((s) => s.uri),
      ['a', 'b', 'a'],
      'one more send of a, not 20',
    );
    sends[2].done();
    await turns(3);
    assert.equal(sends.length, 3, 'nothing more without a change');
  });

  it('a document closed while its send is under way gets no further send', async function () {
    const { scheduler, sends } = harness();
    scheduler.schedule('a');
    await turns(2);
    scheduler.schedule('a');
    await turns(2);
    scheduler.cancel('a');
    sends[0].done();
    await turns(3);
    assert.equal(sends.length, 1);
  });

  it('with a debounce, a burst of changes is one send after the delay', async function () {
    const { scheduler, sends } = harness(20);
    for (let i = 0; i < 10; i++) scheduler.schedule('a');
    await turns(2);
    assert.equal(sends.length, 0);
    await new Promise((r) => setTimeout(r, 60));
    await turns(2);
    assert.equal(sends.length, 1);
  });
});
