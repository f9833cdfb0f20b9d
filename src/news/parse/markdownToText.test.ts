import { describe, expect, it } from 'vitest';
import { markdownToText } from './parseMarkdownArticle.js';

describe('markdownToText', () => {
  it('converts raw HTML one block at a time: an unclosed <svg> or <style> does not swallow the paragraphs after it', () => {
    // CommonMark ends such an HTML block at the blank line; before, htmlToText over the whole body dropped everything
    // after `<svg onload=x>` as the svg's content, so the article lost its text
    expect(markdownToText('<svg onload=x>\n\n<style>p{}\n\nFirst paragraph.\n\nSecond & <b>bold</b>.')).toBe('\n\n\n\nFirst paragraph.\n\nSecond & bold.'); // two emptied blocks, then the text
  });

  it('decodes character references once in text blocks beside HTML blocks', () => {
    expect(markdownToText('<i>a</i>\n\n&lt;b&gt; &amp;amp;')).toBe('a\n\n<b> &amp;');
  });

  it('never lets strong emphasis span paragraphs', () => {
    expect(markdownToText('__init(1)\n\n__init(2) and **bold**')).toBe('__init(1)\n\n__init(2) and bold');
  });
});
