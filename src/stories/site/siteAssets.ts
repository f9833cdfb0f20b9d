/**
 * Client-side search over stories and news posts (search.json: front matter, the body's words, and tags as the
 * Chinese section names them): filters as you type and renders results with
 * DOM text nodes only (never innerHTML), so no story text can become markup. A page of a language section
 * (`data-lang`) searches that language's stories and says "no results" in its words (`data-empty`).
 */
export const SEARCH_JS = `(function () {
  var s = document.currentScript; var root = (s && s.getAttribute('data-root')) || '';
  var lang = (s && s.getAttribute('data-lang')) || ''; var empty = (s && s.getAttribute('data-empty')) || 'No stories found';
  var q = document.getElementById('search-q'); var out = document.getElementById('search-results');
  if (!q || !out) return;
  var data = null;
  function load(cb) {
    if (data) return cb();
    fetch(root + 'search.json').then(function (r) { return r.json(); }).then(function (j) {
      for (var i = 0; i < j.length; i++) { var d = j[i]; d.h = [d.t, d.s, d.g.join(' '), d.c.join(' '), (d.z || []).join(' '), d.d, d.b || ''].join(' ').toLowerCase(); }
      data = j; cb();
    });
  }
  function run() {
    var words = q.value.toLowerCase().split(/\\s+/).filter(Boolean);
    while (out.firstChild) out.removeChild(out.firstChild);
    if (words.length === 0) return;
    load(function () {
      var n = 0;
      for (var i = 0; i < data.length && n < 20; i++) {
        var d = data[i]; if (lang && d.l !== lang) continue; var hay = d.h;
        if (!words.every(function (w) { return hay.indexOf(w) >= 0; })) continue;
        var li = document.createElement('li'); var a = document.createElement('a');
        a.setAttribute('href', root + d.u); a.textContent = d.t; li.appendChild(a); out.appendChild(li); n++;
      }
      if (n === 0) { var li = document.createElement('li'); li.textContent = empty; out.appendChild(li); }
    });
  }
  q.addEventListener('input', run);
  document.getElementById('search').addEventListener('submit', function (e) { e.preventDefault(); run(); });
  var p = new URLSearchParams(location.search).get('q'); if (p) { q.value = p; run(); }
})();
`;

export const STYLE_CSS = `body{font-family:system-ui,sans-serif;margin:0;color:#222;line-height:1.5}
header{padding:.8rem 1.2rem;border-bottom:1px solid #ddd;display:flex;gap:1rem;align-items:baseline}
.brand{font-weight:bold;font-size:1.2rem;text-decoration:none;color:#1f4e79}
.layout{display:flex;gap:2rem;padding:1rem 1.2rem;max-width:1100px}
main{flex:1;min-width:0}.sidebar{width:260px}
.stories{list-style:none;padding:0}.meta{color:#666;font-size:.9rem}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
.widget h2{font-size:1rem;margin-bottom:.3rem}.count{color:#888}
@media (max-width:800px){.layout{flex-direction:column}.sidebar{width:auto}}
`;
