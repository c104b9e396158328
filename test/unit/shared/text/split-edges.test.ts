import { splitText } from '../../../../nodes/shared';

// Edges of splitText that split-cuts.test.ts left open (mutants that survived it).
const HTML = /<[^>]+>|&[#\w]+;/g;

describe('splitText at its edges', () => {
	it('keeps a text of exactly the limit whole, and splits one a character longer', () => {
		expect(splitText('aaaa bbbb', 9)).toEqual(['aaaa bbbb']);
		expect(splitText('aaaa bbbbb', 9)).toEqual(['aaaa', 'bbbbb']);
	});

	it.each([
		['U+10000 (high surrogate 0xD800)', '\u{10000}'],
		['U+10FFFF (high surrogate 0xDBFF)', '\u{10FFFF}'],
	])('never cuts %s in half', (_, char) => {
		// The hard cut at 5 would fall between the two halves of the pair at 4–5.
		const parts = splitText(`abcd${char}efgh`, 5);
		expect(parts).toEqual(['abcd', `${char}efg`, 'h']);
	});

	it('cuts right after an atomic span that ends at the limit', () => {
		expect(splitText('aaaa<b>bbbbbbb', 7, { atomic: HTML })).toEqual(['aaaa<b>', 'bbbbbbb']);
	});

	it('keeps the first (coarsest) short boundary when none fills half the part', () => {
		// The paragraph break leaves 2 of 20; a later word break (7 of 20) is not preferred to it.
		expect(splitText('aa\n\nbb cccccccccccccccccccccccc', 20)).toEqual([
			'aa',
			'bb',
			'cccccccccccccccccccccccc'.slice(0, 20),
			'cccc',
		]);
	});

	it('cuts an atomic span longer than the limit before a surrogate pair, never past the limit', () => {
		const tag = `<aaaaaaaa\u{1F600}aaaa>`;
		const parts = splitText(tag, 10, { atomic: HTML });
		expect(parts[0]).toBe('<aaaaaaaa');
		for (const part of parts) expect(part.length).toBeLessThanOrEqual(10);
		expect(parts.join('')).toBe(tag);
	});

	it('keeps a tag whole after a lone high surrogate (a broken pair) at the start', () => {
		// The tag covers the hard cut at 4, so the cut moves back to the tag's start at 1; that cut
		// must stand even though the character before it is a high surrogate with no partner.
		expect(splitText('\uD800<bb>c', 4, { atomic: HTML })).toEqual(['\uD800', '<bb>', 'c']);
	});

	it('keeps a leading ellipsis with the words after it', () => {
		// "... " at the very start is no sentence end to cut after: that part would be bare punctuation.
		expect(splitText('... aa bbbbbbbb', 6)).toEqual(['... aa', 'bbbbbb', 'bb']);
	});

	it('still cuts at a word when a coarser boundary only exists inside a tag at the start', () => {
		// The line break inside the tag is no cut; the word break after the tag is, though it leaves
		// the part less than half full, and beats cutting the next word in the middle.
		expect(splitText('<a\nb> cc dddddddddddddddddd', 20, { atomic: HTML })).toEqual([
			'<a\nb> cc',
			'dddddddddddddddddd',
		]);
	});
});
