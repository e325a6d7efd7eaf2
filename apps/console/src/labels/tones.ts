/**
 * Tag colours dark enough for white text at WCAG AA (antd's light preset tags are not:
 * blue or green text on their pale backgrounds falls below 4.5:1).
 */
export const TONE = {
  blue: '#0958d9',
  green: '#237804',
  red: '#a8071a',
  orange: '#ad4e00',
  gray: '#595959',
} as const;
