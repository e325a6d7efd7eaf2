/**
 * Chinese labels and help for the flows' input fields, by path (`certificate.level`) or by key
 * (`reason`). A schema's own `title`/`description` win: this is the fallback until every flow's
 * input schema carries them.
 */
export interface FieldHint {
  readonly label: string;
  readonly help?: string;
  /** Amounts in fen (分), entered and shown in yuan (元). */
  readonly money?: boolean;
  /** A longer text: a text area. */
  readonly long?: boolean;
  readonly placeholder?: string;
  /** Display names of enumerated values. */
  readonly options?: Readonly<Record<string, string>>;
}

const LEVELS = { elementary: '初级', intermediate: '中级', advanced: '高级' };
const TRIGGERS = {
  'weak-progress': '试点工作推进不力',
  'loose-management': '管理松散',
  'irregular-funds': '经费使用不规范',
  'forced-participation': '强制学生参加',
  'other-violation': '其他违规情形',
  'rectification-overdue': '逾期未完成整改',
  'student-fee': '向学生收费',
};

export const FIELD_HINTS: Readonly<Record<string, FieldHint>> = {
  year: { label: '年度', help: '试点实施的年度（下一年度的计划在秋季学期编报）' },
  collegeId: { label: '二级学院' },
  projectId: { label: '试点项目', help: '已立项的试点项目编号' },
  certificate: { label: '证书' },
  newCertificate: { label: '变更后的证书' },
  'certificate.code': { label: '证书代码', placeholder: '如 WEB-FE' },
  'certificate.name': { label: '证书名称', placeholder: '如 Web前端开发' },
  code: { label: '代码' },
  name: { label: '名称' },
  level: { label: '等级', help: '须为中级及以上，不得申报初级（第七条第2款）', options: LEVELS },
  evaluationOrg: { label: '培训评价组织', placeholder: '如 工信部教育与考试中心' },
  scale: { label: '试点规模（人）', help: '超出学院试点规模的，须报领导小组审批' },
  budget: { label: '预算（元）', help: '超出上年度执行经费的，须报领导小组审批' },
  delta: { label: '调整金额（元）', help: '增加为正数，减少为负数' },
  consumables: { label: '耗材费', money: true },
  certificateFees: { label: '考核（证书）费', money: true },
  examinerFees: { label: '考评员费', money: true },
  reason: { label: '理由', long: true },
  registrationRef: {
    label: '学分银行申报材料',
    help: '在职业教育国家学分银行平台提交的申报材料（第七条第3款）',
  },
  note: { label: '备注', long: true },
  justification: {
    label: '必要性说明',
    long: true,
    help: '超出本学院试点规模、上一年度执行预算或学校标准时须填写，供审批人审阅',
  },
  design: { label: '建设方案', long: true },
  location: { label: '地点' },
  areaSqm: { label: '面积（平方米）' },
  stations: { label: '工位数' },
  equipmentBudget: { label: '设备预算（元）', money: true },
  certificateCodes: { label: '证书代码', help: '每行一个证书代码' },
  teacher: { label: '教师' },
  'teacher.id': { label: '工号' },
  'teacher.name': { label: '姓名' },
  training: { label: '培训' },
  'training.title': { label: '培训名称' },
  organizer: { label: '主办单位' },
  kind: {
    label: '类别',
    options: {
      'provincial-plan': '省级计划',
      'evaluation-org': '评价组织举办',
      other: '其他',
      dynamic: '动态报送',
      'annual-summary': '年度总结',
    },
  },
  startDate: { label: '开始日期' },
  endDate: { label: '结束日期' },
  days: { label: '天数' },
  cost: { label: '费用（元）', money: true },
  nonStandard: { label: '超出标准', help: '超出学校师资培训标准的请勾选' },
  period: { label: '报送期', help: '如 2027、2027-03、2027-Q1 或 2027-H1' },
  topic: { label: '主题' },
  batch: { label: '批次' },
  site: { label: '考核站点' },
  address: { label: '地址' },
  capacity: { label: '容纳人数' },
  finding: { label: '检查发现' },
  summary: { label: '问题概述', long: true },
  trigger: { label: '情形', options: TRIGGERS },
  evidenceRefs: { label: '证据链接', help: '每行一个链接' },
  source: { label: '来源' },
  flowId: { label: '流程' },
  instanceId: { label: '申请编号' },
};

/** The hint of a field: by its full path first, then by its own key. */
export function fieldHint(path: readonly string[]): FieldHint | undefined {
  return FIELD_HINTS[path.join('.')] ?? FIELD_HINTS[path.at(-1) ?? ''];
}
