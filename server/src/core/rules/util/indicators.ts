/**
 * What kind of quantity an indicator measures, read from its category labels (一级/二级), its
 * 三级 name and its value's unit. Used by the unit rules (TT101/TT102) and the direction rules
 * (TT202/TT205/TT206). Every list is a general vocabulary of budget indicators, not a list of
 * sample lines.
 */
import type { IndicatorRow, Value } from '../../model';
import { compact, detached } from './text';
import { UNIT_WORD } from '../../parse/value';

// Regular expressions used per row live here, not as literals in the functions: a literal is a
// new RegExp object each time it is evaluated, and the rules evaluate them for every row.
const GROWTH_NAME = /(增长|增幅|增速|同比|环比|提高|提升|增加|比上年|较上年)/;
const RATE_OR_SATISFACTION = /率|满意/;
const COST_NAME = /成本|费用|经费|支出|开支/;

/**
 * What the classifiers below read from a 三级 name, worked out once per distinct name text and
 * each fact only when first asked for. Every rule asks about every row, several times; a name is
 * a pure function of its text, so the memo is keyed by the text, not by the cell: it stays valid
 * when a section's tree is dropped and rebuilt (parse/section.ts), and it keeps no tree node
 * alive. (It replaced a WeakMap keyed by cell: its `set` alone was a visible part of a check, and
 * a WeakMap entry per row is GC work when trees die young.) Names repeat a lot, so the memo pays.
 * Bounded: cleared when it holds MAX_NAMES; keys are detached
 * from the document's text (below).
 */
class NameFacts {
  // Every fact is a field from the start (undefined until asked for): facts added as they were
  // first asked for gave the objects as many shapes as orders of asking, and every read of them
  // was a megamorphic property access.
  core: string | undefined = undefined;
  polarity: RatePolarity | undefined = undefined;
  satisfaction: boolean | undefined = undefined;
  ratio: boolean | undefined = undefined;
  money: boolean | undefined = undefined;
  carriesUnit: boolean | undefined = undefined;
  rateOrSatisfaction: boolean | undefined = undefined;
  deadline: boolean | undefined = undefined;
  growth: boolean | undefined = undefined;
  costWord: boolean | undefined = undefined;
  unitHint: string | null | undefined = undefined;
  constructor(readonly name: string) {}
}

const facts = new Map<string, NameFacts>();
const MAX_NAMES = 50_000;

function factsOf(row: IndicatorRow): NameFacts {
  const text = row.level3.text;
  // A new name is handled by a function of its own: factsOf is inlined into every rule that
  // classifies rows, and so was the memo's miss path while it was written here.
  return facts.get(text) ?? newFacts(text);
}

function newFacts(text: string): NameFacts {
  if (facts.size >= MAX_NAMES) facts.clear();
  const key = detached(text);
  const f = new NameFacts(compact(key).replace(/[。.；;，,、:：]+$/, ''));
  facts.set(key, f);
  return f;
}

/** The 三级 name without whitespace and trailing punctuation. */
export function indicatorName(row: IndicatorRow): string {
  return factsOf(row).name;
}

function coreOf(f: NameFacts): string {
  return (f.core ??= nameCore(f.name));
}

/** The name with a trailing unit note removed (`…率（%）` → `…率`, `…总额/亿元` → `…总额`). */
function nameCore(name: string): string {
  return name
    .replace(/[（(][^（()）]*[)）]$/, '')
    .replace(/[/／][^/／]*$/, '')
    .replace(/%[)）]?$/, '')
    .replace(/指标$/, '');
}

// The unit lexicon lives with the value parser, which reads units in names too (`unitFromName`).
const NAME_UNIT_RE = new RegExp(`(?:[/／]\\s*${UNIT_WORD}|[（(]\\s*(?:单位\\s*[:：]\\s*)?${UNIT_WORD}\\s*[)）]|%[)）]?)$`);

/** The 三级 name carries the unit (`…/亿元`, `…（万元）`, `…(%)`, `…（个）`): a bare number is right. */
export function nameCarriesUnit(row: IndicatorRow): boolean {
  const f = factsOf(row);
  return (f.carriesUnit ??= NAME_UNIT_RE.test(f.name));
}

/** A cost row: 一级 成本指标 (2021) or a 成本 二级 (2015 puts 成本指标 under 产出). */
export function isCostCategory(row: IndicatorRow): boolean {
  return row.level1.text.includes('成本') || row.level2.text.includes('成本');
}

const MONEY_NAME = /(经费|费用|资金|金额|支出|开支|成本|预算|投资|造价|税费|补助|补贴|薪酬|工资|[^\s]费$|[销售营收产总资]额|赔付额|赔款|营收|产值)/;

/** The 三级 name names an amount of money (its figure takes the header's 万元). */
export function isMoneyName(row: IndicatorRow): boolean {
  const f = factsOf(row);
  return (f.money ??= MONEY_NAME.test(coreOf(f)));
}

/** Ratios whose name says so: any …率, satisfaction, coverage, shares. */
const RATIO_NAME = /(率|满意|覆盖|比例|占比|比重|百分比|及时性|完成度)/;

export function isRatioName(row: IndicatorRow): boolean {
  const f = factsOf(row);
  return (f.ratio ??= RATIO_NAME.test(f.name));
}

export function isSatisfactionName(row: IndicatorRow): boolean {
  const f = factsOf(row);
  return (f.satisfaction ??= f.name.includes('满意') && !f.name.includes('不满意'));
}

export function isSatisfactionCategory(row: IndicatorRow): boolean {
  return row.level1.key.startsWith('满意度');
}

/**
 * Rates of bad things: lower is better (≤). Matched at the end of the name, longest first,
 * so `设备运转无故障率` (a good rate) is not a `故障率` and `不合格率` is not a `合格率`.
 */
const BAD_RATES = [
  '事故率',
  '故障率',
  '投诉率',
  '撤销率',
  '差错率',
  '发生率',
  '失误率',
  '纠错率',
  '返工率',
  '空置率',
  '闲置率',
  '不合格率',
  '不达标率',
  '不满意率',
  '死亡率',
  '违规率',
  '违法率',
  '违约率',
  '发病率',
  '患病率',
  '感染率',
  '近视率',
  '肥胖率',
  '误报率',
  '漏报率',
  '漏检率',
  '错误率',
  '出错率',
  '错报率',
  '流失率',
  '复发率',
  '再犯率',
  '重犯率',
  '犯罪率',
  '案发率',
  '损失率',
  '损耗率',
  '破损率',
  '超标率',
  '退件率',
  '退回率',
  '驳回率',
  '延误率',
  '逾期率',
  '超期率',
  '返贫率',
  '辍学率',
  '缺勤率',
  '离职率',
  '失业率',
  '变更率',
  '退货率',
  '上访率',
  '复议率',
  '改判率',
  '发回率',
  '被诉率',
  '败诉率',
];
const GOOD_OVERRIDES = ['无故障率', '无事故率', '零事故率', '零投诉率', '无投诉率'];

/** Good rates: higher is better (≥). Matched like BAD_RATES. */
const GOOD_RATES = [
  '完成率',
  '覆盖率',
  '合格率',
  '达标率',
  '及时率',
  '正常率',
  '知晓率',
  '参与率',
  '到位率',
  '执行率',
  '准确率',
  '通过率',
  '办结率',
  '受理率',
  '满足率',
  '开放率',
  '优良率',
  '优质率',
  '普及率',
  '利用率',
  '回复率',
  '答复率',
  '办复率',
  '结案率',
  '上线率',
  '到岗率',
  '入学率',
  '就业率',
  '成功率',
  '签约率',
  '参保率',
  '达成率',
  '出勤率',
  '全勤率',
  '出席率',
  '参会率',
  '参训率',
  '参学率',
  '处理率',
  '处置率',
  '发放率',
  '保障率',
  '整改率',
  '落实率',
  '完好率',
  '培训率',
  '合规率',
  '使用率',
  '送达率',
  '运转率',
  '运行率',
  '实施率',
  '安置率',
  '创建率',
  '亮灯率',
  '采纳率',
  '采用率',
  '配备率',
  '配房率',
  '通畅率',
  '规范率',
  '维护率',
  '签批率',
  '确认率',
  '监管率',
  '正确率',
  '正版率',
  '核发率',
  '服务率',
  '更新率',
  '整治率',
  '教育率',
  '支付率',
  '拨付率',
  '报告率',
  '扫描率',
  '归档率',
  '开展率',
  '应用率',
  '履约率',
  '审查率',
  '评查率',
  '安装率',
  '回收率',
  '接谈率',
  '测评率',
  '满意率',
  '得分率',
  '效率',
  '稳定率',
  '贡献率',
  '到账率',
  '兑现率',
  '公开率',
  '建档率',
  '录入率',
  '上报率',
  '检测率',
  '抽查率',
  '巡查率',
  '考核率',
  '验收率',
  '入库率',
  '接种率',
  '筛查率',
  '救治率',
  '治愈率',
  '好转率',
  '响应率',
  '接通率',
  '反馈率',
  '公示率',
  '录用率',
  '到课率',
  '参加率',
  '上座率',
  '入驻率',
  '投放率',
  '补助率',
  '达到率',
  '升学率',
];

export type RatePolarity = 'good' | 'bad' | null;

/** Whether `s` ends with a word of `words` (a set of the words, and the lengths they come in). */
function endsWithAny(s: string, words: { set: ReadonlySet<string>; lengths: readonly number[] }): boolean {
  for (const n of words.lengths) if (n <= s.length && words.set.has(s.slice(s.length - n))) return true;
  return false;
}

/** A word list as a set: a lookup per length of word, not an `endsWith` per word (~180 words). */
function suffixes(list: readonly string[]): { set: ReadonlySet<string>; lengths: readonly number[] } {
  return { set: new Set(list), lengths: [...new Set(list.map((w) => w.length))].sort((a, b) => a - b) };
}

const GOOD_OVERRIDE_WORDS = suffixes(GOOD_OVERRIDES);
const BAD_RATE_WORDS = suffixes(BAD_RATES);
const GOOD_RATE_WORDS = suffixes(GOOD_RATES);

/** Whether a …率 name is a good rate (≥), a bad rate (≤) or unknown (增长率, 占比率 …). */
export function ratePolarity(row: IndicatorRow): RatePolarity {
  const f = factsOf(row);
  if (f.polarity !== undefined) return f.polarity;
  const core = coreOf(f);
  let p: RatePolarity = null;
  if (endsWithAny(core, GOOD_OVERRIDE_WORDS)) p = 'good';
  else if (endsWithAny(core, BAD_RATE_WORDS)) p = 'bad';
  else if (endsWithAny(core, GOOD_RATE_WORDS)) p = 'good';
  // `服务对象满意度率`, `满意度达标` …: satisfaction wherever it sits in the name.
  else if (isSatisfactionName(row)) p = 'good';
  return (f.polarity = p);
}

const TIME_UNIT = /^(?:个)?(?:小时|分钟|秒|天|日|工作日|个工作日|周|h|min)$/i;

/** A duration unit (hours, days, minutes, working days), not a rate per period (`天/年`). */
export function isTimeUnit(unit: string | null | undefined): boolean {
  if (!unit) return false;
  const t = unit.trim();
  // Every spelling TIME_UNIT takes ends in one of these: most units (%, 个, 人次 …) are told apart
  // by their last character, without running the expression (asked for every target with a unit).
  switch (t.charCodeAt(t.length - 1)) {
    case 0x65f6:
    /* 时 */ case 0x949f:
    /* 钟 */ case 0x79d2:
    /* 秒 */ case 0x5929:
    /* 天 */ case 0x65e5: /* 日 */
    case 0x5468:
    /* 周 */ case 0x68:
    /* h */ case 0x48:
    /* H */ case 0x6e:
    /* n */ case 0x4e /* N */:
      return TIME_UNIT.test(t);
    default:
      return false;
  }
}

/**
 * Names of waiting times and deadlines: shorter is better (≤). A time unit alone is not enough
 * (`专家坐诊天数 ≥260天/年`, `在岗时间` are amounts of service: more is better).
 */
const DEADLINE_NAME =
  /(响应|修复|办结|办理|处置|处理|审批|审核|答复|回复|回应|反馈|到达|到场|受理|发货|送达|时限|期限|用时|耗时|等待|等候|排队|周期|时效|及时)/;

export function isDeadlineName(row: IndicatorRow): boolean {
  const f = factsOf(row);
  return (f.deadline ??= DEADLINE_NAME.test(f.name));
}

/** The unit is a percentage (`%`, `%/年`), or absent. */
export function isPercentOrNone(v: Value): boolean {
  if (!v.unit) return true;
  const c = v.unit.text.charCodeAt(0);
  return c === 0x25 /* % */ || c === 0xff05 /* ％ */ || c === 0x2030; /* ‰ */
}

export function isPercent(v: Value): boolean {
  if (!v.unit) return false;
  const c = v.unit.text.charCodeAt(0);
  return c === 0x25 /* % */ || c === 0xff05; /* ％ */
}

/** Growth and change names, where more than 100% is meaningful. */
export function isGrowthName(row: IndicatorRow): boolean {
  const f = factsOf(row);
  return (f.growth ??= GROWTH_NAME.test(f.name));
}

/** The name says rate or satisfaction (率, 满意) anywhere. */
function isRateOrSatisfactionName(row: IndicatorRow): boolean {
  const f = factsOf(row);
  return (f.rateOrSatisfaction ??= RATE_OR_SATISFACTION.test(f.name));
}

/** The name has a word of cost (成本, 费用 …) anywhere. */
function hasCostWord(row: IndicatorRow): boolean {
  const f = factsOf(row);
  return (f.costWord ??= COST_NAME.test(f.name));
}

export type DirectionClass = 'cost' | 'good-rate' | 'bad-rate' | 'satisfaction' | 'deadline' | null;

/**
 * The direction an indicator's target should take: cost ceilings, bad rates and deadlines
 * take ≤; good rates and satisfaction take ≥ (or an exact value).
 * The name decides first (a rate under 成本指标 is still a rate); then the category.
 */
export function directionClass(row: IndicatorRow, v: Value): DirectionClass {
  if (isTimeUnit(v.unit?.text)) return isDeadlineName(row) ? 'deadline' : null;
  if (isPercentOrNone(v) && isRateOrSatisfactionName(row)) {
    const p = ratePolarity(row);
    if (p === 'bad') return 'bad-rate';
    if (p === 'good') return isSatisfactionName(row) ? 'satisfaction' : 'good-rate';
    return null;
  }
  if (isSatisfactionCategory(row) && isPercent(v)) return 'satisfaction';
  if (isCostCategory(row)) return 'cost';
  if (isMoneyName(row) && hasCostWord(row) && (!v.unit || v.unit.text.includes('元'))) return 'cost';
  return null;
}

/** A unit the 三级 name suggests (`…次数` → 次, `…人数` → 人, `…面积` → 平方米), for messages. */
const UNIT_HINTS: [RegExp, string][] = [
  [/人次$/, '人次'],
  [/场次$/, '场次'],
  [/次数$|次$/, '次'],
  [/人数$|人员$|人$/, '人'],
  [/户数$/, '户'],
  [/起数$/, '起'],
  [/份数$/, '份'],
  [/套数$/, '套'],
  [/个数$/, '个'],
  [/件数$|案件$/, '件'],
  [/篇数$/, '篇'],
  [/家数$|企业数量?$/, '家'],
  [/学校数$/, '所'],
  [/面积$/, '平方米'],
  [/场$/, '场'],
  [/会$/, '场'],
];

export function suggestUnit(row: IndicatorRow): string | null {
  const f = factsOf(row);
  if (f.unitHint !== undefined) return f.unitHint;
  const name = coreOf(f);
  let hint: string | null = null;
  for (const [re, unit] of UNIT_HINTS) {
    if (re.test(name)) {
      hint = unit;
      break;
    }
  }
  return (f.unitHint = hint);
}
