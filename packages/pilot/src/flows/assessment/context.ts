import type { Budget, Certificate } from '../../common.js';
import type {
  ArchiveMaterial,
  Course,
  ExamPlan,
  FeeAgreement,
  Result,
  SiteApplication,
  Student,
} from './input.js';

/** What the assessment keeps of its project (read once at start). */
export interface ProjectSummary {
  readonly certificate: Certificate;
  readonly evaluationOrg: string;
  readonly scale: number;
  readonly budget: Budget;
}

export interface Consent {
  readonly consentRef: string;
  readonly at: string;
}

export interface Violation {
  readonly studentNo: string;
  readonly amount: number;
  readonly description: string;
  readonly at: string;
  readonly recordedBy: string;
}

export interface AssessmentContext {
  readonly instanceId: string;
  readonly submitterId: string;
  readonly projectId: string;
  readonly collegeId: string;
  readonly batch: string;
  readonly project: ProjectSummary;
  readonly site: SiteApplication;
  readonly siteCode: string | null;
  readonly agreement: FeeAgreement | null;
  readonly courses: readonly Course[];
  readonly students: readonly Student[];
  readonly consents: Readonly<Record<string, Consent>>;
  readonly plan: ExamPlan | null;
  readonly evidence: readonly string[];
  readonly results: readonly Result[];
  readonly certificatesSignedAt: string | null;
  readonly certificatesIssuedAt: string | null;
  readonly scans: Readonly<Record<string, string>>;
  readonly materials: Readonly<Partial<Record<ArchiveMaterial, string>>>;
  readonly creditBank: {
    readonly registrationRef: string;
    readonly approvalRef: string | null;
  } | null;
  /** Expenses recorded from this cycle, in fen (the ledger holds the entries). */
  readonly spent: number;
  readonly violations: readonly Violation[];
}
