// draftdiff host script: sizes draftdiff iframes to their content, so a post never shows an
// inner scrollbar. Include once per page: <script src=".../draftdiff-host.js" defer></script>
// It only accepts messages of draftdiff's namespace coming from one of the page's draftdiff
// iframes, reads nothing from the page but those iframes, and sends nothing.
(function () {
  if (window.__draftdiffHost) return;
  window.__draftdiffHost = true;
  window.addEventListener('message', function (event) {
    var d = event.data;
    if (!d || typeof d !== 'object' || d.type !== 'draftdiff:height') return;
    var h = Number(d.height);
    if (!isFinite(h) || h < 50 || h > 100000) return;
    var frames = document.querySelectorAll('iframe[data-draftdiff]');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i], id = f.getAttribute('data-draftdiff');
      if (f.contentWindow === event.source && (!id || id === String(d.id))) {
        f.style.height = Math.ceil(h) + 'px';
        f.setAttribute('scrolling', 'no');
        return;
      }
    }
  });
})();
