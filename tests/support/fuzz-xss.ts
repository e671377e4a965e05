/**
 * The XSS corpus (T10): each payload sets `window.__xss` or opens a dialog if it ever runs.
 * At most 40 characters, so that each fits every free-text field (tags are the shortest), and
 * no leading or trailing space (names and tags are stored trimmed).
 */
export const XSS_PAYLOADS = [
  '<script>__xss=1</script>',
  '"><img src=x onerror=__xss=1>',
  "'><img src=x onerror=alert(1)>",
  'javascript:__xss=1',
  '<svg onload=__xss=1>',
  '</textarea><script>__xss=1</script>',
  '</title><script>__xss=1</script>',
  '{{7*7}} ${7*7} <%= 7*7 %> #{7*7}',
  '\\u003cimg src=x onerror=__xss=1\\u003e',
  '<div style="x:expression(__xss=1)">',
  '<a href="javascript:__xss=1">x</a>',
  '<iframe src=javascript:__xss=1>',
  '<details open ontoggle=__xss=1>',
  "';__xss=1;//",
  '\u202E<script>__xss=1</script>',
] as const;
