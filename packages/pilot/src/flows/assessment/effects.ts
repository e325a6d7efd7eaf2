import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import { EFFECT_KINDS } from '../../effects/catalog.js';
import { LEVELS } from '../../common.js';
import { putProject, type ProjectRef } from '../../ledger/project-ref.js';
import type { AssessmentContext } from './context.js';
import { passed } from './checks.js';

/** Reference data kind of second-classroom transcript entries (第二课堂成绩单, 第十二条). */
export const TRANSCRIPT_REF = 'transcript';
export const transcriptKey = (studentNo: string, certificateNo: string): string =>
  `${studentNo}/${certificateNo}`;

/** One transcript entry per certificate issued in this cycle, written on completion. */
export function transcriptEntries(ctx: AssessmentContext): EffectParams[] {
  return passed(ctx).map((r) => {
    const student = ctx.students.find((s) => s.studentNo === r.studentNo);
    const certificateNo = r.certificateNo ?? '';
    const value: JsonObject = {
      studentNo: r.studentNo,
      name: student?.name ?? '',
      item: `1+X 职业技能等级证书：${ctx.project.certificate.name}（${LEVELS[ctx.project.certificate.level].zh}）`,
      certificateCode: ctx.project.certificate.code,
      level: ctx.project.certificate.level,
      certificateNo,
      score: r.score,
      issuedAt: ctx.certificatesIssuedAt ?? '',
      projectId: ctx.projectId,
      assessmentId: ctx.instanceId,
    };
    return {
      kind: 'reference.put',
      refKind: TRANSCRIPT_REF,
      key: transcriptKey(r.studentNo, certificateNo),
      value,
    };
  });
}

/** The higher authority approved the credit-bank registration: certificate changes end here (第七条3). */
export function lockProject(project: ProjectRef): EffectParams {
  return putProject({ ...project, creditBankLocked: true });
}

/** A fee charged to a student opens a withdrawal case (第七条1(3), 第十二条). */
export function studentFeeWithdrawal(
  ctx: AssessmentContext,
  fee: { studentNo: string; amount: number; description: string },
): EffectParams {
  return {
    kind: EFFECT_KINDS.openWithdrawal,
    withdrawal: {
      projectId: ctx.projectId,
      collegeId: ctx.collegeId,
      trigger: 'student-fee',
      reason: `违规向学生 ${fee.studentNo} 收取费用 ${(fee.amount / 100).toFixed(2)} 元：${fee.description}`,
      source: { flowId: 'assessment', instanceId: ctx.instanceId },
    },
  };
}
