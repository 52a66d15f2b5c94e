// draftdiff's crash box, for every widget on the page whichever wasm it runs. The build puts this
// file at the top of draftdiff-embed.js and into the single file's start-up (xtask finish), so
// both have it without another request.
//
// Release builds rebuild std with panics as immediate aborts (BENCHMARKS.md, size levers): a
// panic is a bare `unreachable` trap, with no Rust code left to explain it. The trap reaches JS as
// a WebAssembly.RuntimeError, thrown out of an event handler, a timer, a promise or a call the
// loader made, and the instance cannot be trusted after it. So the box is plain DOM built here:
// never a blank or frozen widget, but a message, a reload link (no script needed) and the
// details for a bug report. Errors that are not wasm traps are the host page's business.
const draftdiffCrash = (() => {
  /** Widgets' mount points besides the page's #draftdiff (each <draft-diff>'s box). */
  const roots = new Set();

  /** The same page with a changed query, so following the link really reloads it. */
  function reloadUrl() {
    const url = new URL(location.href);
    url.searchParams.set('reload', String(Date.now()));
    return url.pathname + url.search + url.hash;
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    e.textContent = text;
    return e;
  }

  function show(root, details) {
    if (root.querySelector('.dd-crash')) return;
    const box = el('div', 'dd-crash', '');
    box.setAttribute('role', 'alert');
    const reload = el('a', 'dd-button', 'Reload');
    reload.setAttribute('href', reloadUrl());
    const more = el('details', '', '');
    more.append(el('summary', '', 'Details for a bug report'), el('pre', '', details));
    box.append(el('p', '', 'Something went wrong and the comparison stopped. Reloading usually fixes it.'), reload, more);
    root.insertBefore(box, root.firstChild);
  }

  /** Shows the box in every widget if `error` is a wasm trap; true if it was one. */
  function crashed(error) {
    if (!(error instanceof WebAssembly.RuntimeError)) return false;
    const details = `${error.name}: ${error.message}\n${error.stack || ''}`.trim();
    console.error(`draftdiff stopped: ${details}`);
    for (const root of [document.getElementById('draftdiff'), ...roots]) {
      if (root && root.isConnected) show(root, details);
    }
    return true;
  }

  addEventListener('error', (event) => crashed(event.error));
  addEventListener('unhandledrejection', (event) => crashed(event.reason));
  return { crashed, watch: (root) => roots.add(root), forget: (root) => roots.delete(root) };
})();
