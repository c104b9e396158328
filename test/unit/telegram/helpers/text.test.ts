import { splitMessageText } from '../../../../nodes/TelegramBot/helpers/text';
import { TEXT_LIMIT } from '../../../../nodes/TelegramBot/transport';

const paragraph = (n: number, length = 900) =>
	`Paragraph ${n}. ` + 'word '.repeat(Math.floor(length / 5));

describe('splitting long texts for Telegram', () => {
	it('leaves a text within 4096 characters whole', () => {
		expect(splitMessageText('Hello', '', TEXT_LIMIT)).toEqual(['Hello']);
		expect(splitMessageText('x'.repeat(4096), '', TEXT_LIMIT)).toHaveLength(1);
	});

	it('splits plain text at paragraphs, in order, each part ≤ 4096', () => {
		const text = [1, 2, 3, 4, 5, 6, 7].map((n) => paragraph(n)).join('\n\n');
		const parts = splitMessageText(text, '', TEXT_LIMIT);
		expect(parts.length).toBeGreaterThan(1);
		parts.forEach((part) => expect(part.length).toBeLessThanOrEqual(TEXT_LIMIT));
		expect(parts[0].startsWith('Paragraph 1.')).toBe(true);
		expect(parts.join(' ').replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
	});

	it('HTML: tags open across a cut are closed and reopened, never cut inside a tag or entity', () => {
		const body = [1, 2, 3, 4, 5, 6]
			.map((n) => `<i>${paragraph(n)}</i> &amp; <a href="https://example.com/${n}">link ${n}</a>`)
			.join('\n');
		const text = `<b>${body}</b>`;
		const parts = splitMessageText(text, 'HTML', TEXT_LIMIT);
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) {
			expect(part.length).toBeLessThanOrEqual(TEXT_LIMIT);
			expect(part.startsWith('<b>')).toBe(true);
			expect(part.endsWith('</b>')).toBe(true);
			// Balanced: every opened tag is closed in the same part.
			const opened = (part.match(/<(b|i|a)[ >]/g) ?? []).length;
			const closed = (part.match(/<\/(b|i|a)>/g) ?? []).length;
			expect(opened).toBe(closed);
			expect(part).not.toMatch(/<[^>]*$/);
			expect(part).not.toMatch(/&[a-z]*$/);
		}
	});

	it('HTML that is not balanced is refused clearly instead of being cut', () => {
		const text = `<b>${paragraph(1, 5000)}`;
		expect(() => splitMessageText(text, 'HTML', TEXT_LIMIT)).toThrow(
			/opens <b> and never closes it/,
		);
		expect(() => splitMessageText(`${paragraph(1, 5000)}</i>`, 'HTML', TEXT_LIMIT)).toThrow(
			/<\/i> without a matching <i>/,
		);
	});

	it('Markdown: a code block longer than one message is refused; shorter spans stay whole', () => {
		expect(() =>
			splitMessageText('```\n' + 'x'.repeat(5000) + '\n```', 'MarkdownV2', TEXT_LIMIT),
		).toThrow(/cannot be split/);
		const text = [1, 2, 3, 4, 5].map((n) => `*bold ${n}* ${paragraph(n)}`).join('\n\n');
		const parts = splitMessageText(text, 'MarkdownV2', TEXT_LIMIT);
		for (const part of parts) expect((part.match(/\*/g) ?? []).length % 2).toBe(0);
	});

	it('refuses an empty text', () => {
		expect(() => splitMessageText('  ', '', TEXT_LIMIT)).toThrow(/empty/);
	});
});
