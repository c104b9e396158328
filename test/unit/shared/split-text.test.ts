import fc from 'fast-check';

import { splitText } from '../../../nodes/shared';

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('splitText', () => {
	it('returns short text as one part, trimmed', () => {
		expect(splitText('  hello  ', 4096)).toEqual(['hello']);
		expect(splitText('', 10)).toEqual([]);
	});

	it('prefers paragraph, then sentence, then word boundaries', () => {
		const para = 'a'.repeat(60) + '\n\n' + 'b'.repeat(60);
		expect(splitText(para, 100)).toEqual(['a'.repeat(60), 'b'.repeat(60)]);

		const sentences = 'First sentence is here. Second one follows right after it and is long.';
		expect(splitText(sentences, 40)).toEqual([
			'First sentence is here.',
			'Second one follows right after it and is',
			'long.',
		]);

		const words = 'alpha beta gamma delta epsilon';
		expect(splitText(words, 12)).toEqual(['alpha beta', 'gamma delta', 'epsilon']);
	});

	it('does not cut far back to a paragraph break when a sentence end is closer to the limit', () => {
		const text = 'Intro.\n\n' + 'Word '.repeat(30) + 'end. ' + 'More text follows here.';
		const parts = splitText(text, 170);
		expect(parts[0].length).toBeGreaterThan(85);
	});

	it('cuts mid-word only when there is no boundary', () => {
		expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
	});

	it('never splits a surrogate pair', () => {
		const emoji = '😀'.repeat(10); // 20 UTF-16 units
		const parts = splitText(emoji, 5);
		for (const part of parts) {
			expect(part.length).toBeLessThanOrEqual(5);
			expect(part).toMatch(/^(?:😀)+$/);
		}
		expect(parts.join('')).toBe(emoji);
	});

	it('never cuts inside an atomic span (HTML tag or entity)', () => {
		const html = 'aaaa <a href="https://example.com/x">link</a> &amp; more text';
		const atomic = /<[^>]+>|&[#\w]+;/g;
		const longestSpan = '<a href="https://example.com/x">'.length;
		for (let limit = longestSpan; limit < html.length; limit++) {
			for (const part of splitText(html, limit, { atomic })) {
				expect(part.length).toBeLessThanOrEqual(limit);
				expect(part).not.toMatch(/<[^>]*$/); // no unterminated tag at the end
				expect(part).not.toMatch(/^[^<]*>/); // no tag tail at the start
				expect(part).not.toMatch(/&[#\w]*$/);
			}
		}
	});

	it('still makes progress when an atomic span is longer than the limit (hard cut)', () => {
		const parts = splitText('<a href="https://example.com/very/long">x</a>', 10, {
			atomic: /<[^>]+>/g,
		});
		for (const part of parts) expect(part.length).toBeLessThanOrEqual(10);
		expect(squeeze(parts.join(''))).toBe(squeeze('<a href="https://example.com/very/long">x</a>'));
	});

	it('property: parts fit, none blank, no surrogate split, nothing but whitespace lost', () => {
		const textArb = fc.string({
			maxLength: 600,
			unit: fc.constantFrom('a', 'b', ' ', '\n', '.', '😀', 'я', '!', '\t'),
		});
		fc.assert(
			fc.property(textArb, fc.integer({ min: 2, max: 80 }), (text, limit) => {
				const parts = splitText(text, limit);
				for (const part of parts) {
					expect(part.length).toBeGreaterThan(0);
					expect(part.length).toBeLessThanOrEqual(limit);
					expect(part.trim()).toBe(part);
					expect(/^[\uDC00-\uDFFF]/.test(part)).toBe(false);
					expect(/[\uD800-\uDBFF]$/.test(part)).toBe(false);
				}
				expect(squeeze(parts.join(''))).toBe(squeeze(text));
			}),
			{ numRuns: 1500 },
		);
	});

	it('rejects a nonsensical limit', () => {
		expect(() => splitText('abc', 1)).toThrow(/limit/);
	});
});
