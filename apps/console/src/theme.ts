import type { ThemeConfig } from 'antd';

/** Ant Design's default look (RuoYi/yudao users know it), with CJK fonts first. */
export const theme: ThemeConfig = {
  token: {
    // antd's blue-7: white text on it and it on light blue pass WCAG AA (the default #1677ff does not).
    colorPrimary: '#0958d9',
    // Hover and press go darker, not lighter, so they keep the contrast too.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    // Links derive from colorInfo (#1677ff, 4.1:1 on white) unless set: the primary blue instead.
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorError: '#cf1322',
    colorErrorHover: '#a8071a',
    colorSuccess: '#389e0d',
    borderRadius: 6,
    // Secondary text dark enough for WCAG AA (4.5:1) on white and on the page's grey.
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    // Placeholders (搜索, 角色 …) are read too: 0.25 alpha is 1.9:1.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
};
