import type { Mermaid } from 'mermaid';
import { cspNonce } from '../../../csp-nonce';

let loading: Promise<Mermaid> | undefined;

/** mermaid (~2 MB) is its own chunk, fetched the first time a diagram is shown. */
function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      // The diagram is the server's, generated from the flows' code and labelled from the
      // console's own dictionaries: never user input. 'strict' would run it through DOMPurify,
      // whose parsing of the SVG's <style> the browser reports as a CSP violation.
      securityLevel: 'loose',
      theme: 'default',
      fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
      state: { useMaxWidth: true },
    });
    return mermaid;
  });
  return loading;
}

let sequence = 0;

/**
 * The SVG of a mermaid diagram. Its `<style>` gets the page's nonce so the markup may be
 * inserted (the `<style>` elements mermaid creates while measuring get it from
 * `nonceScriptStyles`).
 */
export async function renderMermaid(source: string): Promise<string> {
  const mermaid = await loadMermaid();
  const nonce = cspNonce();
  sequence += 1;
  const { svg } = await mermaid.render(`flow-diagram-${sequence}`, source);
  return nonce ? svg.replace(/<style>/g, `<style nonce="${nonce}">`) : svg;
}
