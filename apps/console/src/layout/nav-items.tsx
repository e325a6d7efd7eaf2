import { AppstoreOutlined, FormOutlined } from '@ant-design/icons';
import type { SessionUser } from '../session/claims';

export interface NavItem {
  readonly key: string;
  readonly label: string;
  readonly icon: React.ReactNode;
  /** Who sees it (undefined: everyone). */
  readonly roles?: readonly string[];
}

/**
 * The left menu. Administration (校历, 名额, 人员, 流程, 统计) joins here for 教务处 when the
 * API has those routes.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: '/', label: '工作台', icon: <AppstoreOutlined /> },
  { key: '/start', label: '发起申请', icon: <FormOutlined /> },
];

export function navItemsFor(user: SessionUser): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.some((r) => user.roles.includes(r)));
}

/** The menu key a path belongs to. */
export function navKeyOf(pathname: string): string {
  if (pathname.startsWith('/start')) return '/start';
  return '/';
}
