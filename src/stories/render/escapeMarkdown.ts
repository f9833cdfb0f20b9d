/**
 * Makes untrusted text (a news headline) inert inside Markdown: HTML-significant characters become
 * entities and Markdown punctuation is backslash-escaped, so no renderer turns it into markup or script.
 * @example escapeMarkdown('<b>AI</b> [x]') // '&lt;b&gt;AI&lt;/b&gt; \\[x\\]'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}#|!~])/g, '\\$1');
}
