import {
  ApartmentOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileTextOutlined,
  FormOutlined,
  PieChartOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { SessionUser } from '../session/claims';

export interface NavItem {
  readonly key: string;
  readonly label: string;
  readonly icon: React.ReactNode;
  /** Who sees it (undefined: everyone). */
  readonly roles?: readonly string[];
}

/** Who administers the pilot: 教务处 (the server refuses the others). */
export const ADMIN_ROLES = ['academic_affairs'] as const;
/** Who reads the whole school (statistics, the directory): the server's school readers. */
export const SCHOOL_READER_ROLES = [
  'academic_affairs',
  'leadership',
  'finance',
  'auditor',
] as const;

/** The left menu: everyone's work, then administration for 教务处 and the school's readers. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: '/', label: '工作台', icon: <AppstoreOutlined /> },
  { key: '/start', label: '发起申请', icon: <FormOutlined /> },
  { key: '/drafts', label: '草稿箱', icon: <FileTextOutlined /> },
  { key: '/admin/calendar', label: '校历', icon: <CalendarOutlined />, roles: ADMIN_ROLES },
  { key: '/admin/quotas', label: '名额与预算', icon: <PieChartOutlined />, roles: ADMIN_ROLES },
  { key: '/admin/people', label: '人员与角色', icon: <TeamOutlined />, roles: SCHOOL_READER_ROLES },
  { key: '/admin/flows', label: '流程', icon: <ApartmentOutlined />, roles: ADMIN_ROLES },
  { key: '/statistics', label: '统计', icon: <BarChartOutlined />, roles: SCHOOL_READER_ROLES },
];

export function navItemsFor(user: SessionUser): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.some((r) => user.roles.includes(r)));
}

/** The menu key a path belongs to. */
export function navKeyOf(pathname: string): string {
  const item = NAV_ITEMS.filter((i) => i.key !== '/').find((i) => pathname.startsWith(i.key));
  return item?.key ?? '/';
}
