/**
 * XSS payloads. Each one, if it ever runs, calls `window.__xss(n)` (or `alert(n)`), which the browser
 * tests trap. Markup, event attributes, javascript:/data: URLs, SVG/MathML, entity-, percent- and
 * JS-escaped variants, and template-injection strings.
 */
export const XSS_TEXT_PAYLOADS: readonly string[] = [
  '<script>__xss(1)</script>',
  '<img src=x onerror=__xss(2)>',
  '<svg onload=__xss(3)>',
  '<svg><script>__xss(4)</script></svg>',
  '"><script>__xss(5)</script>',
  "'><img src=x onerror='__xss(6)'>",
  '<iframe src="javascript:__xss(7)"></iframe>',
  '<body onload=__xss(8)>',
  '<details open ontoggle=__xss(9)>',
  '<a href="javascript:__xss(10)">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(11)>',
  '<svg><animate onbegin=__xss(12) attributeName=x dur=1s>',
  '<object data="javascript:__xss(13)"></object>',
  '<input autofocus onfocus=__xss(14)>',
  '&lt;img src=x onerror=__xss(15)&gt;',
  '%3Cimg%20src%3Dx%20onerror%3D__xss(16)%3E',
  '\\u003cimg src=x onerror=__xss(17)\\u003e',
  '<style>@import "javascript:__xss(18)";</style>',
  '<img src=x onerror=alert(19)>',
  "{{constructor.constructor('__xss(20)')()}}",
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(21)">',
  '<svg><a xlink:href="javascript:__xss(22)"><text y="20">x</text></a></svg>',
  '<scr<script>ipt>__xss(23)</scr</script>ipt>',
  '<img src="x" onerror="&#95;&#95;xss(24)">',
];

/** Payloads that only make sense as a link target. */
export const XSS_URL_PAYLOADS: readonly string[] = [
  'javascript:__xss(101)',
  'JaVaScRiPt:__xss(102)',
  ' javascript:__xss(103)',
  'data:text/html,<script>__xss(104)</script>',
  'vbscript:__xss(105)',
  'java\tscript:__xss(106)',
];

/** The number a payload calls, for reporting. */
export const payloadCount = XSS_TEXT_PAYLOADS.length + XSS_URL_PAYLOADS.length;
