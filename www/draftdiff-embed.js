// draftdiff loader and <draft-diff> element.
// Full page: loads the wasm, which mounts itself on #draftdiff.
// Blog embed: <script type="module" src=".../draftdiff-embed.js"></script>
//             <draft-diff provision="2015-7" themes="human-rights" view="inline"></draft-diff>
// Each element renders inside its own Shadow DOM; all share one wasm module.
import init, { mount } from './draftdiff.js';

const base = new URL('.', import.meta.url);
export const ready = init({ module_or_path: new URL('draftdiff_bg.wasm', base) });
export { mount };

const ATTRIBUTES = ['provision', 'themes', 'match', 'view', 'q', 'notes', 'theme'];

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
    shadow.replaceChildren(css, box);
    this._box = box;
    ready.then(() => {
      if (this._box === box) this._handle = mount(box, this.options());
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

  options() {
    const options = { page: new URL('index.html', base).href };
    for (const name of ATTRIBUTES) {
      if (this.hasAttribute(name)) options[name] = this.getAttribute(name);
    }
    return options;
  }
}

if (!customElements.get('draft-diff')) customElements.define('draft-diff', DraftDiffElement);
