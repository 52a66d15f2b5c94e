// draftdiff loader and <draft-diff> element.
// Full page: loads the wasm, which mounts itself on #draftdiff.
// Blog embed: <script type="module" src=".../draftdiff-embed.js"></script>
//             <draft-diff provision="2015-7" themes="human-rights" view="inline"><a href=".../index.html#2015-7">…</a></draft-diff>
// Each element renders inside its own Shadow DOM; all share one wasm module.
//
// Never blank: the element's light-DOM content (the snippet's link to the same view on the
// widget's site) shows wherever this module does not run (blocked by CORS or a CSP, offline, no
// JavaScript). The shadow root has no <slot>, so once it exists the link is no longer rendered
// (it stays in the DOM for crawlers); if the wasm then fails to load, the element says so and
// offers the link, and the console gets one warning naming the cause (see docs/hosting.md).
import init, { mount } from './draftdiff.js';

const base = new URL('.', import.meta.url);
const wasm = new URL('draftdiff_bg.wasm', base);

/** Why the wasm could not be used, as one sentence for the console. */
function cause(stage, error) {
  const where = `draftdiff: could not load draftdiff_bg.wasm from ${wasm.href}`;
  const detail = error && error.message ? `: ${error.message}` : '';
  if (stage === 'fetch') {
    const cross = wasm.origin !== location.origin;
    return `${where} (${cross ? `blocked or unreachable${detail}; is Access-Control-Allow-Origin set on the widget host for ${location.origin}?` : `unreachable${detail}`} See docs/hosting.md)`;
  }
  if (stage === 'status') return `${where} (the widget host answered HTTP ${error}. See docs/hosting.md)`;
  return `${where} (it is not a usable WebAssembly module${detail}; is it served whole, as application/wasm? See docs/hosting.md)`;
}

async function start() {
  let response;
  try {
    response = await fetch(wasm);
  } catch (e) {
    throw new Error(cause('fetch', e));
  }
  if (!response.ok) throw new Error(cause('status', response.status));
  try {
    return await init({ module_or_path: response });
  } catch (e) {
    throw new Error(cause('compile', e));
  }
}

/** Resolves once the wasm is running; rejects (with the reason) if it cannot be loaded. */
export const ready = start();
// One warning per page, however many elements wait; `ready` then counts as handled.
ready.catch((e) => console.warn(e.message));
export { mount };

const ATTRIBUTES = ['provision', 'themes', 'match', 'view', 'q', 'text', 'open', 'notes', 'show', 'scheme', 'theme'];

class DraftDiffElement extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }

  connectedCallback() {
    if (this._box) return;
    const shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('draftdiff.css', base).href;
    const box = document.createElement('div');
    box.className = 'dd-host';
    const status = this.notice('Loading the comparison\u2026 ');
    shadow.replaceChildren(css, status, box);
    this._box = box;
    ready.then(() => {
      if (this._box !== box) return;
      status.remove();
      this._handle = mount(box, this.options());
    }, () => {
      if (this._box === box) status.replaceWith(this.notice('The comparison could not be loaded here. '));
    });
  }

  attributeChangedCallback() {
    if (this._handle) this._handle.update(this.options());
  }

  disconnectedCallback() {
    if (this._handle) this._handle.destroy();
    this._handle = null;
    this._box = null;
  }

  /** A line of text and the link to this view on the widget's site (text nodes only). */
  notice(text) {
    const p = document.createElement('p');
    p.className = 'dd-embed-status';
    p.append(text, this.fallbackLink());
    return p;
  }

  /** The snippet's own fallback link if it has an http(s) one, else the full page at this provision. */
  fallbackLink() {
    const a = document.createElement('a');
    const given = this.querySelector('a[href]');
    let href = null;
    try { href = given && new URL(given.getAttribute('href'), document.baseURI); } catch { /* not a URL */ }
    if (href && (href.protocol === 'https:' || href.protocol === 'http:')) {
      a.href = href.href;
      a.textContent = given.textContent.trim() || 'Open the comparison';
    } else {
      const page = new URL('index.html', base);
      const provision = this.getAttribute('provision');
      if (provision) page.hash = provision;
      a.href = page.href;
      a.textContent = 'Open the comparison on its own page';
    }
    return a;
  }

  options() {
    const options = { page: new URL('index.html', base).href };
    for (const name of ATTRIBUTES) {
      if (this.hasAttribute(name)) options[name] = this.getAttribute(name);
    }
    return options;
  }
}

if (!customElements.get('draft-diff')) customElements.define('draft-diff', DraftDiffElement);
