// draftdiff loader and <draft-diff> element.
// Full page: loads the wasm, which mounts itself on #draftdiff.
// Blog embed: <script type="module" src=".../draftdiff-embed.js"></script>
//             <draft-diff provision="2015-7" themes="human-rights" view="inline"><a href=".../index.html#2015-7">…</a></draft-diff>
// Each element renders inside its own Shadow DOM; widgets of one kind share one wasm module.
//
// Never blank: the element's light-DOM content (the snippet's link to the same view on the
// widget's site) shows wherever this module does not run (blocked by CORS or a CSP, offline, no
// JavaScript). The shadow root has no <slot>, so once it exists the link is no longer rendered
// (it stays in the DOM for crawlers); if the wasm then fails to load, the element says so and
// offers the link, and the console gets one warning naming the cause (see docs/hosting.md).
// Two wasm modules, each fetched only when something needs it: the full widget (draftdiff.js,
// the page and any element that is not a card) and the lean card entry (draftdiff-card.js,
// crates/card), which a <draft-diff> or an iframe (embed.html) naming a provision, a theme or a search uses. The card
// entry decides (it mounts nothing for options that make no card), so the guess below only
// saves a download; it never changes what is shown.

// @draftdiff-crash: the build puts www/draftdiff-crash.js here (draftdiffCrash: the crash box).

const base = new URL('.', import.meta.url);
const MODULES = { full: 'draftdiff', card: 'draftdiff-card' };

/** Why a module's wasm could not be used, as one sentence for the console. */
function cause(wasm, stage, error) {
  const where = `draftdiff: could not load ${wasm.pathname.split('/').pop()} from ${wasm.href}`;
  const detail = error && error.message ? `: ${error.message}` : '';
  if (stage === 'fetch') {
    const cross = wasm.origin !== location.origin;
    return `${where} (${cross ? `blocked or unreachable${detail}; is Access-Control-Allow-Origin set on the widget host for ${location.origin}?` : `unreachable${detail}`} See docs/hosting.md)`;
  }
  if (stage === 'status') return `${where} (the widget host answered HTTP ${error}. See docs/hosting.md)`;
  return `${where} (it is not a usable WebAssembly module${detail}; is it served whole, as application/wasm? See docs/hosting.md)`;
}

async function start(kind) {
  const name = MODULES[kind];
  const wasm = new URL(`${name}_bg.wasm`, base);
  // Both requests at once: the glue is small, the wasm is what takes time.
  const fetched = fetch(wasm).then(
    (r) => { if (!r.ok) throw new Error(cause(wasm, 'status', r.status)); return r; },
    (e) => { throw new Error(cause(wasm, 'fetch', e)); },
  );
  fetched.catch(() => {});
  let glue;
  try {
    glue = await import(new URL(`${name}.js`, base).href);
  } catch (e) {
    throw new Error(cause(new URL(`${name}.js`, base), 'fetch', e));
  }
  const response = await fetched;
  try {
    await glue.default({ module_or_path: response });
  } catch (e) {
    if (draftdiffCrash.crashed(e)) throw e; // it loaded, then stopped starting
    throw new Error(cause(wasm, 'compile', e));
  }
  return glue;
}

const loading = {};
/** The module of that kind, started once per page; one console warning if it cannot load. */
function load(kind) {
  if (!loading[kind]) {
    loading[kind] = start(kind);
    loading[kind].catch((e) => console.warn(e.message));
  }
  return loading[kind];
}

// The full page (and the iframe embed) has the root the full widget mounts itself on. The card
// page (embed.html, the iframe of card snippets, whose root says so) starts the card entry,
// which mounts the card its address names, or declines (`show=all`): then the full widget takes
// the page over, as it does on index.html?embed=1, and also if the card entry cannot load.
const root = document.getElementById('draftdiff');
if (root && root.hasAttribute('data-frame')) {
  load('card').then((card) => card.frame() || load('full'), () => load('full')).catch((e) => draftdiffCrash.crashed(e));
} else if (root) {
  load('full');
}

let full = null;
/**
 * Resolves once the full widget's wasm is running (and starts loading it on first use); rejects
 * with the reason if it cannot be loaded. For hosts that mount widgets in code: `await ready`,
 * then `mount(element, options)`.
 */
export const ready = {
  then(ok, fail) { return load('full').then((m) => { full = m; }).then(ok, fail); },
  catch(fail) { return this.then(undefined, fail); },
  finally(f) { return this.then().finally(f); },
};

/** Mounts the full widget in `element` (after `ready`); returns its handle. */
export function mount(element, options) {
  if (!full) throw new Error('draftdiff: mount() before the widget is ready (await ready first)');
  return full.mount(element, options);
}

/** Whether an element's options may make a card (a hint: the card entry decides). */
function mayBeCard(options) {
  if (options.show !== undefined) return options.show.trim().toLowerCase() !== 'all';
  return ['provision', 'themes', 'q'].some((name) => (options[name] || '').trim() !== '');
}

const ATTRIBUTES = ['provision', 'themes', 'match', 'view', 'q', 'text', 'open', 'notes', 'show', 'scheme', 'theme'];

class DraftDiffElement extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }

  connectedCallback() {
    if (this._box) return;
    const shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('draftdiff.css', base).href;
    const [status, box] = this.placeholder();
    shadow.replaceChildren(css, status, box);
    this.attach(box, status, mayBeCard(this.options()) ? 'card' : 'full');
  }

  /** A "Loading…" line and the box a widget will be mounted in, which becomes the element's. */
  placeholder() {
    const box = document.createElement('div');
    box.className = 'dd-host';
    this._box = box;
    return [this.notice('Loading the comparison\u2026 '), box];
  }

  /** Mounts the card entry (`kind` 'card') when it takes these options, else the full widget. */
  async attach(box, status, kind) {
    let handle = null;
    draftdiffCrash.watch(box);
    try {
      if (kind === 'card') {
        const card = await load('card');
        if (this._box !== box) return;
        handle = card.mount(box, this.options());
        if (!handle) kind = 'full';
      }
      if (!handle) {
        const module = await load('full');
        if (this._box !== box) return;
        handle = module.mount(box, this.options());
      }
    } catch (e) {
      if (!draftdiffCrash.crashed(e) && this._box === box) status.replaceWith(this.notice('The comparison could not be loaded here. '));
      return;
    }
    status.remove();
    this._handle = handle;
    this._kind = kind;
  }

  attributeChangedCallback() {
    if (!this._handle) return;
    const kept = this._handle.update(this.options());
    // The card entry answers false when the new options make no card: the full widget takes its place.
    if (this._kind === 'card' && !kept) {
      this._handle.destroy();
      this._handle = null;
      const old = this._box;
      draftdiffCrash.forget(old);
      const [status, box] = this.placeholder();
      old.replaceWith(status, box);
      this.attach(box, status, 'full');
    }
  }

  disconnectedCallback() {
    if (this._box) draftdiffCrash.forget(this._box);
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
