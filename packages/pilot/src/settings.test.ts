import { describe, expect, it } from 'vitest';
import { pilotCalls } from './calls.js';
import { createPilotFlows } from './flows/index.js';
import { pilotSettingsFromEnv, PilotSettingsError } from './settings.js';

describe('pilot settings from the environment (shared by server and worker)', () => {
  it('defaults: no colleges (no calls), a 70-working-day annual plan, calls on 09-01, the chair decides', () => {
    const s = pilotSettingsFromEnv({});
    expect(s.flows).toEqual({
      annualPlan: { dueWorkingDays: 70 },
      projectCall: { start: '09-01', end: '12-31' },
      leadership: { mode: 'chair' },
    });
    expect(s.calls).toMatchObject({ colleges: [], semesterStart: '09-01', annualPlan: true });
    expect(pilotCalls(s.calls)).toEqual([]);
    expect(pilotSettingsFromEnv({}, { colleges: ['ee'] }).calls.colleges).toEqual(['ee']);
  });

  it('reads every variable', () => {
    const s = pilotSettingsFromEnv({
      PILOT_COLLEGES: ' ee, cs ,',
      DYNAMIC_REPORT_PATTERN: '0 9 1 */3 *',
      SEMESTER_START: '08-31',
      ANNUAL_PLAN_CALL: 'false',
      ANNUAL_PLAN_DUE_WORKING_DAYS: '60',
      ANNUAL_PLAN_REMINDER_WORKING_DAYS: '50, 40',
      PROJECT_CALL_WINDOW: '09-15..01-10',
      ANNUAL_SUMMARY_PATTERN: '0 9 15 12 *',
      ANNUAL_SUMMARY_CALL: '0',
      LEADERSHIP_DECISION: 'council:2',
    });
    expect(s.flows.leadership).toEqual({ mode: 'council', threshold: 2 });
    expect(pilotSettingsFromEnv({ LEADERSHIP_DECISION: 'council' }).flows.leadership).toEqual({
      mode: 'council',
    });
    expect(s.calls).toEqual({
      colleges: ['ee', 'cs'],
      dynamicReportPattern: '0 9 1 */3 *',
      semesterStart: '08-31',
      annualPlan: false,
      annualSummaryPattern: '0 9 15 12 *',
      annualSummary: false,
    });
    expect(s.flows.projectCall).toEqual({ start: '09-15', end: '01-10' });
    expect(pilotSettingsFromEnv({ SEMESTER_START: '08-25' }).flows.projectCall).toEqual({
      start: '08-25',
      end: '12-31',
    });
    expect(s.flows.annualPlan).toEqual({ dueWorkingDays: 60, reminderWorkingDays: [50, 40] });
    const flow = createPilotFlows(s.flows).find((f) => f.id === 'annual-plan');
    expect(flow?.states.compiling?.tasks?.[0]).toMatchObject({
      deadline: { workingDays: 60 },
      reminders: [{ workingDays: 40 }, { workingDays: 50 }],
    });
  });

  it.each([
    [{ ANNUAL_PLAN_DUE_WORKING_DAYS: '0' }, 'ANNUAL_PLAN_DUE_WORKING_DAYS'],
    [{ ANNUAL_PLAN_DUE_WORKING_DAYS: 'soon' }, 'ANNUAL_PLAN_DUE_WORKING_DAYS'],
    [{ ANNUAL_PLAN_REMINDER_WORKING_DAYS: '70' }, 'ANNUAL_PLAN_REMINDER_WORKING_DAYS'],
    [{ ANNUAL_PLAN_REMINDER_WORKING_DAYS: 'weekly' }, 'ANNUAL_PLAN_REMINDER_WORKING_DAYS'],
    [{ SEMESTER_START: '9-1' }, 'SEMESTER_START'],
    [{ SEMESTER_START: '02-30' }, 'SEMESTER_START'],
    [{ ANNUAL_PLAN_CALL: 'maybe' }, 'ANNUAL_PLAN_CALL'],
    [{ PROJECT_CALL_WINDOW: '09-01' }, 'PROJECT_CALL_WINDOW'],
    [{ PROJECT_CALL_WINDOW: '09-01..02-30' }, 'PROJECT_CALL_WINDOW'],
    [{ ANNUAL_SUMMARY_CALL: 'maybe' }, 'ANNUAL_SUMMARY_CALL'],
    [{ LEADERSHIP_DECISION: 'all' }, 'LEADERSHIP_DECISION'],
    [{ LEADERSHIP_DECISION: 'council:0' }, 'LEADERSHIP_DECISION'],
    [{ LEADERSHIP_DECISION: 'council:' }, 'LEADERSHIP_DECISION'],
  ])('refuses %o and names %s', (env, variable) => {
    expect(() => pilotSettingsFromEnv(env)).toThrow(PilotSettingsError);
    expect(() => pilotSettingsFromEnv(env)).toThrow(variable);
  });
});

describe('pilotCalls: the recurring calls of the pilot', () => {
  const calls = pilotCalls({ colleges: ['ee', 'cs'], semesterStart: '09-01' });

  it('a dynamic report per college and month, the annual-plan call each autumn semester start, the annual summary each December', () => {
    expect(calls.map((c) => [c.id, c.flowId, c.repeat.pattern])).toEqual([
      ['dynamic-report', 'report', '0 9 1 * *'],
      ['annual-plan-call', 'annual-plan', '0 9 1 9 *'],
      ['annual-summary', 'report', '0 9 1 12 *'],
    ]);
  });

  it('the annual summary of 2026 (第五条3, 第十四条): one report per college for the year', () => {
    const call = calls.find((c) => c.id === 'annual-summary');
    expect(call?.inputs({ occurrence: new Date('2026-12-01T01:00:00Z') })).toEqual([
      { kind: 'annual-summary', collegeId: 'ee', period: '2026' },
      { kind: 'annual-summary', collegeId: 'cs', period: '2026' },
    ]);
  });

  it('the annual-plan call of autumn 2026 asks every college for its 2027 plan', () => {
    const call = calls.find((c) => c.id === 'annual-plan-call');
    // 1 September 2026, 09:00 Beijing = 01:00 UTC.
    expect(call?.inputs({ occurrence: new Date('2026-09-01T01:00:00Z') })).toEqual([
      { year: 2027, collegeId: 'ee' },
      { year: 2027, collegeId: 'cs' },
    ]);
  });

  it('a report period is the Beijing month of the occurrence', () => {
    const call = calls.find((c) => c.id === 'dynamic-report');
    // 1 December 00:30 Beijing is still 30 November in UTC.
    expect(call?.inputs({ occurrence: new Date('2026-11-30T16:30:00Z') })).toEqual([
      { kind: 'dynamic', collegeId: 'ee', period: '2026-12' },
      { kind: 'dynamic', collegeId: 'cs', period: '2026-12' },
    ]);
  });

  it('can leave the annual-plan call out', () => {
    expect(
      pilotCalls({ colleges: ['ee'], annualPlan: false, annualSummary: false }).map((c) => c.id),
    ).toEqual(['dynamic-report']);
  });
});
