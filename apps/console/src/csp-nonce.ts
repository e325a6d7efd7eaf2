/**
 * The nonce of this page's Content-Security-Policy. The server writes a fresh one per request
 * into `<meta property="csp-nonce" nonce="…">` (Vite's `html.cspNonce`); browsers hide the
 * attribute from `getAttribute`, the `nonce` property still reads it.
 */
export function cspNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  const nonce = meta?.nonce || meta?.getAttribute('nonce') || '';
  return nonce === '' || nonce.startsWith('__') ? undefined : nonce;
}

/**
 * Gives every `<style>` element that the console's own scripts create the page's nonce.
 * antd's CSS-in-JS takes the nonce from `ConfigProvider csp`, but parts of its component
 * library (the table's scrollbar measurement, the scroll lock of dialogs) and mermaid create
 * `<style>` elements with no way to pass one. Scripts run only from this origin (script-src),
 * so this trusts nothing new; a `<style>` smuggled in as markup is still refused.
 */
export function nonceScriptStyles(nonce: string | undefined): void {
  if (!nonce) return;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
  const original = Document.prototype.createElement;
  function createElement(
    this: Document,
    tag: string,
    options?: ElementCreationOptions,
  ): HTMLElement {
    const element = original.call(this, tag, options);
    if (tag.toLowerCase() === 'style') element.nonce = nonce;
    return element;
  }
  Document.prototype.createElement = createElement;
}
