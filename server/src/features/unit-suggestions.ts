/**
 * The units completion offers after a number in a value cell (or in a unit cell of its own), most
 * likely first. They come from, in this order:
 *
 * 1. the unit the 三级 name itself gives (`保障在职职工人数(人)`);
 * 2. the units of the row's other values (前年 / 上年 / 指标值 / 完成值 of the same indicator);
 * 3. the kind of indicator its name (and categories) says, from `UNIT_RULES` below: a rate takes `%`,
 *    money the section's `单位：万元` (else 万元), a duration hours or days, a date 年/月, a count the
 *    unit its last characters name (`…人次` → 人次, `…场次` → 场次, `…户数` → 户, `…活动` → 次/场);
 * 4. the units that rows of the same document whose names end the same way use (`…培训人次` learns from
 *    every `…人次` row), counted per department and cached with its body;
 * 5. the document's most used units, when nothing above said anything.
 *
 * Every list here is a general vocabulary of budget indicators, not lines of a sample.
 */
import { BodyCache } from '../core/body-cache';
import type { Locale } from '../core/locale';
import type { SectionBody, SectionRef, Value } from '../core/model';
import { compact } from '../core/text';

export type UnitSource = 'name' | 'row' | 'rate' | 'money' | 'duration' | 'date' | 'count' | 'similar' | 'document' | 'common';

export interface UnitSuggestion {
  unit: string;
  source: UnitSource;
  /** For 'count' and 'similar': the name's ending that decided; for 'similar' and 'document' also how many rows use it. */
  ending?: string;
  rows?: number;
}

/** What the suggestions are chosen by. */
export interface UnitQuery {
  /** The 三级 name (may be empty). */
  name: string;
  /** The row's 一级 and 二级 (compact; may be empty). */
  level1: string;
  level2: string;
  /** The unit the name gives in brackets, if any (`unitFromName`). */
  nameUnit: string | null;
  /** The row's other values. */
  rowValues: readonly (Value | null)[];
  /** The section's money unit (`单位：万元`). */
  moneyUnit: string | null;
}

interface UnitRule {
  kind: Exclude<UnitSource, 'name' | 'row' | 'similar' | 'document' | 'common' | 'count'>;
  /** Tested on the name without a unit note in brackets. */
  name: RegExp;
  units: readonly string[];
  /** The rule also applies to a row under a 成本 category whatever its name (cost figures are money). */
  costCategory?: boolean;
}

/**
 * Kinds of indicator told by their name, tried in order (the first that matches decides). A rate is
 * tested first: `成本控制率` is a rate, not money; durations before money: `人均培训时长` is hours.
 * `$moneyUnit` stands for the section's money unit.
 */
const UNIT_RULES: readonly UnitRule[] = [
  { kind: 'rate', name: /率|比例|比重|占比|百分比|覆盖|满意|完成度|及时性/, units: ['%'] },
  { kind: 'date', name: /(完成|截止|完工|竣工|启动|开工|验收|上线|交付|办结)(时间|日期)|日期|时间节点/, units: ['年', '月', '日'] },
  { kind: 'duration', name: /(响应|到达|到场|回复|答复|反馈|处置|处理)(时间|时长|时限)/, units: ['小时', '分钟', '个工作日', '天'] },
  { kind: 'duration', name: /(办结|办理|审批|审核|受理|兑现|拨付|发放)(时间|时限|时长|周期)/, units: ['个工作日', '天', '小时'] },
  { kind: 'duration', name: /周期|工期|期限|建设期|实施期|服务期/, units: ['个月', '年', '天'] },
  { kind: 'duration', name: /时间|时长|时限|用时|耗时|天数|日数|小时数|工作日/, units: ['小时', '天', '个工作日', '分钟', '个月'] },
  // Money by the name's ending (`办公经费`, `补助资金总额`), not anywhere in it: `补贴发放人数` counts people.
  {
    kind: 'money',
    name: /(人均|生均|户均|亩均|每人|每户|每亩|单价).*(经费|费用|资金|金额|支出|成本|补助|补贴|工资|薪酬)$|(经费|费用|资金|补助|补贴|工资|薪酬)标准$/,
    units: ['元', '元/人', '$moneyUnit'],
  },
  {
    kind: 'money',
    name: /(经费|费用|资金|金额|总额|额度|支出|开支|成本|预算|投资|造价|补助|补贴|薪酬|工资|奖金|奖励|税费|收入|产值|营收|[^\s]费)$/,
    units: ['$moneyUnit', '万元', '元'],
    costCategory: true,
  },
];

/**
 * Counts: the unit a name's last characters name, longest ending first. The name is read without a
 * trailing 数 / 数量 / 总数 / 总量 (`培训人数` ends with 人, `活动次数` with 次).
 */
const COUNT_ENDINGS: readonly { ends: readonly string[]; units: readonly string[] }[] = [
  { ends: ['人次'], units: ['人次'] },
  { ends: ['场次'], units: ['场次', '场'] },
  { ends: ['批次'], units: ['批次'] },
  { ends: ['户次'], units: ['户次'] },
  { ends: ['班次'], units: ['班次'] },
  { ends: ['课时'], units: ['课时'] },
  { ends: ['学时'], units: ['学时'] },
  {
    ends: ['人', '人员', '人口', '学员', '学生', '党员', '职工', '干部', '群众', '对象', '老人', '儿童', '患者', '居民', '农民', '志愿者', '教师', '医生'],
    units: ['人', '人次'],
  },
  { ends: ['次'], units: ['次'] },
  { ends: ['场', '会', '会议', '讲座', '演出', '赛事', '比赛', '展览'], units: ['场', '次'] },
  { ends: ['活动', '培训', '宣传', '检查', '督查', '巡查', '走访', '调研', '演练', '慰问', '宣讲', '服务'], units: ['次', '场', '人次'] },
  { ends: ['项', '项目', '课题', '制度', '政策', '措施', '标准', '任务', '工程', '事项', '成果', '专利', '规划'], units: ['项', '个'] },
  { ends: ['件', '案件', '提案', '议案', '建议', '诉求', '来信', '申请', '案卷'], units: ['件'] },
  { ends: ['户', '家庭', '农户', '贫困户'], units: ['户'] },
  { ends: ['家', '企业', '机构', '商户', '公司', '合作社'], units: ['家', '个'] },
  { ends: ['个', '村', '社区', '单位', '站', '点', '中心', '平台', '基地', '园区', '窗口', '网点', '组织'], units: ['个'] },
  { ends: ['篇', '文章', '稿件', '论文'], units: ['篇'] },
  { ends: ['期', '简报', '刊物', '期刊', '专刊'], units: ['期'] },
  { ends: ['份', '文件', '报告', '材料', '方案', '协议', '合同', '问卷', '报表', '档案', '预案'], units: ['份'] },
  { ends: ['本', '册', '书', '图书', '书籍', '手册', '教材'], units: ['本', '册'] },
  { ends: ['条', '信息', '线索', '新闻', '消息'], units: ['条'] },
  { ends: ['所', '学校', '医院', '幼儿园', '卫生院'], units: ['所'] },
  { ends: ['台', '设备', '电脑', '仪器'], units: ['台', '套'] },
  { ends: ['辆', '车', '车辆'], units: ['辆'] },
  { ends: ['套', '系统'], units: ['套'] },
  { ends: ['座', '桥', '桥梁', '公厕', '厕所'], units: ['座'] },
  { ends: ['处', '点位'], units: ['处'] },
  { ends: ['起', '事故', '事件'], units: ['起'] },
  { ends: ['亩', '耕地', '农田', '林地'], units: ['亩', '万亩'] },
  { ends: ['面积'], units: ['平方米', '万平方米', '亩'] },
  { ends: ['公里', '道路', '管网', '管道', '河道', '线路', '长度', '里程'], units: ['公里', '米'] },
  { ends: ['株', '树', '苗木', '树木'], units: ['株', '万株'] },
  { ends: ['吨', '垃圾', '产量', '粮食'], units: ['吨', '万吨'] },
];

/** When the document has no unit at all to learn from. */
const COMMON_UNITS: readonly string[] = ['%', '个', '次', '人', '项', '万元'];

const GENERIC_TAIL = /(数量|总数|总量|个数|数)$/;
const UNIT_NOTE = /[（(][^（()）]*[)）]$|[/／][^/／]*$/;
/** A unit worth learning: short, no digits, not a sentence. */
const LEARNABLE_UNIT = /^[^\d０-９\s，,。；;]{1,6}$/;
/** Name endings compared for "rows whose names end the same way" (longest first). */
const ENDING_LENGTHS = [3, 2, 1];
/**
 * Sections around the cursor's whose rows are learned from: the cursor's, then its neighbours while
 * they add up to this many lines. Learning reads a section's tree (built on demand, ~1 ms per
 * thousand lines), so the first completion in a part of a big file costs a few milliseconds and a
 * bounded number of trees, well under the parser's pool (parse/section.ts); each section's index is
 * then cached with its body, and an edit rebuilds only the edited section's.
 */
const MAX_LEARNED_LINES = 4000;
const MAX_SUGGESTIONS = 8;
const MAX_SIMILAR = 4;
/** Least share of the rows with an ending that must use a unit for it to be offered as theirs. */
const MIN_SHARE = 0.2;

/** The name as the rules read it: no whitespace, no unit note in brackets, no trailing 指标. */
export function nameCore(name: string): string {
  return compact(name)
    .replace(/[。.；;，,、:：]+$/, '')
    .replace(UNIT_NOTE, '')
    .replace(/指标$/, '');
}

/** The name's ending for counts and for learning: without a generic 数 / 数量 tail (`个数` keeps 个). */
function countCore(core: string): string {
  const m = GENERIC_TAIL.exec(core);
  if (!m) return core;
  return m[1] === '个数' ? core.slice(0, -1) : core.slice(0, m.index);
}

const COUNT_INDEX = (() => {
  const map = new Map<string, readonly string[]>();
  for (const r of COUNT_ENDINGS) for (const e of r.ends) if (!map.has(e)) map.set(e, r.units);
  const lengths = [...new Set([...map.keys()].map((k) => k.length))].sort((a, b) => b - a);
  return { map, lengths };
})();

function countUnits(core: string): { ending: string; units: readonly string[] } | null {
  for (const n of COUNT_INDEX.lengths) {
    if (n > core.length) continue;
    const ending = core.slice(core.length - n);
    const units = COUNT_INDEX.map.get(ending);
    if (units) return { ending, units };
  }
  return null;
}

/** Rows with a name ending (or '' for all rows) and the units they use. */
interface EndingUsage {
  rows: number;
  units: Map<string, number>;
}

/** Per department: name ending → its usage. Plain data, cached with the body. */
type UnitIndex = Map<string, EndingUsage>;
const unitIndexes = new BodyCache<UnitIndex>();

function usageOf(index: UnitIndex, key: string): EndingUsage {
  let u = index.get(key);
  if (!u) index.set(key, (u = { rows: 0, units: new Map() }));
  return u;
}

function buildIndex(body: SectionBody): UnitIndex {
  const index: UnitIndex = new Map();
  for (const t of body.tables) {
    for (const row of t.rows) {
      const core = countCore(nameCore(row.level3.text));
      const keys = [''];
      for (const n of ENDING_LENGTHS) if (n <= core.length) keys.push(core.slice(core.length - n));
      const units = new Set<string>();
      for (const v of [row.target, row.previous, row.last, row.actual]) {
        const unit = v?.unit?.text.trim();
        if (unit && learnable(unit)) units.add(unit);
      }
      for (const key of keys) {
        const u = usageOf(index, key);
        u.rows++;
        for (const unit of units) u.units.set(unit, (u.units.get(unit) ?? 0) + 1);
      }
    }
  }
  return index;
}

/** A unit worth offering: short, no digits, no sentence, and none of the defects the rules report (`%%`, a bare `万`). */
function learnable(unit: string): boolean {
  return LEARNABLE_UNIT.test(unit) && !unit.includes('%%') && unit !== '万';
}

/** The sections learned from: the cursor's first, then its neighbours, nearest first, within the line budget. */
function learnedSections(sections: readonly SectionRef[], at: number): SectionBody[] {
  const out: SectionBody[] = [];
  if (at < 0 || at >= sections.length) return out;
  out.push(sections[at].body);
  let lines = 0;
  for (let d = 1; at - d >= 0 || at + d < sections.length; d++) {
    for (const i of [at - d, at + d]) {
      const b = sections[i]?.body;
      if (!b) continue;
      lines += b.lines.length;
      if (lines > MAX_LEARNED_LINES) return out;
      out.push(b);
    }
  }
  return out;
}

/** Units used by rows with a name ending across the sections (most used first), and how many rows have that ending. */
function usage(indexes: readonly UnitIndex[], key: string): { rows: number; units: [string, number][] } {
  const total = new Map<string, number>();
  let rows = 0;
  for (const ix of indexes) {
    const u = ix.get(key);
    if (!u) continue;
    rows += u.rows;
    for (const [unit, n] of u.units) total.set(unit, (total.get(unit) ?? 0) + n);
  }
  return { rows, units: [...total].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)) };
}

/** The units to offer, most likely first, each with why. */
export function suggestUnits(q: UnitQuery, sections: readonly SectionRef[], sectionIndex: number): UnitSuggestion[] {
  const out: UnitSuggestion[] = [];
  const push = (s: UnitSuggestion) => {
    if (s.unit !== '' && !out.some((o) => o.unit === s.unit)) out.push(s);
  };
  // `…人数（户数）` counts in 户.
  if (q.nameUnit) push({ unit: q.nameUnit.length > 1 ? q.nameUnit.replace(/数$/, '') : q.nameUnit, source: 'name' });
  for (const v of q.rowValues) {
    const unit = v?.unit?.text.trim();
    if (unit && learnable(unit)) push({ unit, source: 'row' });
  }
  const core = nameCore(q.name);
  const cost = q.level1.includes('成本') || q.level2.includes('成本');
  const money = q.moneyUnit ?? '万元';
  const rule = UNIT_RULES.find((r) => r.name.test(core) || (r.costCategory === true && cost));
  if (rule) for (const u of rule.units) push({ unit: u === '$moneyUnit' ? money : u, source: rule.kind });
  const counted = rule ? null : countUnits(countCore(core));
  if (counted) for (const u of counted.units) push({ unit: u, source: 'count', ending: counted.ending });

  const indexes = learnedSections(sections, sectionIndex).map((b) => unitIndexes.getOrCreate(b, buildIndex));
  const ending = countCore(core);
  let similar = 0;
  for (const n of ENDING_LENGTHS) {
    if (n > ending.length || similar >= MAX_SIMILAR) continue;
    const key = ending.slice(ending.length - n);
    const { rows, units } = usage(indexes, key);
    for (const [unit, count] of units) {
      // A unit a few rows of a common ending use is noise (a `…率` written in hours).
      if (similar >= MAX_SIMILAR || count < MIN_SHARE * rows) break;
      if (out.some((o) => o.unit === unit)) continue;
      push({ unit, source: 'similar', ending: key, rows: count });
      similar++;
    }
  }
  if (out.length === 0) {
    for (const [unit, rows] of usage(indexes, '').units.slice(0, COMMON_UNITS.length)) push({ unit, source: 'document', rows });
    for (const unit of COMMON_UNITS) if (out.length < COMMON_UNITS.length) push({ unit, source: 'common' });
  }
  return out.slice(0, MAX_SUGGESTIONS);
}

/** Why a unit is offered, in the user's language (the completion item's detail). */
export function unitReason(s: UnitSuggestion, locale: Locale, moneyUnit: string | null): string {
  const en = locale === 'en';
  switch (s.source) {
    case 'name':
      return en ? 'the unit the indicator name gives' : '指标名称中注明的单位';
    case 'row':
      return en ? "the unit of this row's other values" : '本行其他数值所用单位';
    case 'rate':
      return en ? 'a rate: the name says 率 / 比例 / 覆盖 / 满意…' : '比率：名称含“率、比例、覆盖、满意”等';
    case 'money':
      if (moneyUnit && s.unit === moneyUnit) return en ? `money: the header's 单位：${moneyUnit}` : `金额：表头“单位：${moneyUnit}”`;
      return en ? 'money: a cost or funding indicator' : '金额：成本或资金类指标';
    case 'duration':
      return en ? 'a duration or time limit' : '时长或时限';
    case 'date':
      return en ? 'a date (2025年12月)' : '日期（如 2025年12月）';
    case 'count':
      return en ? `a count: the name ends with “${s.ending}”` : `计数：名称以“${s.ending}”结尾`;
    case 'similar':
      return en ? `used by ${s.rows} row(s) whose name ends with “${s.ending}”` : `本文档中 ${s.rows} 个以“${s.ending}”结尾的指标用此单位`;
    case 'document':
      return en ? `used ${s.rows} time(s) in this document` : `本文档中用过 ${s.rows} 次`;
    case 'common':
      return en ? 'a common unit' : '常用单位';
  }
}
