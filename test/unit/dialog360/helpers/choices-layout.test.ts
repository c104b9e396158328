import { autoLayout, type Choice } from '../../../../nodes/Dialog360/helpers/choices';

// WhatsApp's limits are written out here, not imported: a changed limit in the node must show.
const options = (count: number, title = (i: number) => `Option ${i + 1}`): Choice[] =>
	Array.from({ length: count }, (_, i) => ({ id: String(i), title: title(i) }));
const titled = (length: number): Choice[] => [{ id: 'a', title: 'x'.repeat(length) }];

describe('autoLayout at the edges of WhatsApp limits (README: Send Buttons or Menu)', () => {
	it('no options: plain text', () => {
		expect(autoLayout([])).toBe('text');
	});

	it('3 options are reply buttons, 4 a list; 10 are a list, 11 a numbered text menu', () => {
		expect(autoLayout(options(1))).toBe('buttons');
		expect(autoLayout(options(3))).toBe('buttons');
		expect(autoLayout(options(4))).toBe('list');
		expect(autoLayout(options(10))).toBe('list');
		expect(autoLayout(options(11))).toBe('text');
	});

	it('a button title of 20 characters fits, 21 makes a list; a row title of 24 fits, 25 makes text', () => {
		expect(autoLayout(titled(20))).toBe('buttons');
		expect(autoLayout(titled(21))).toBe('list');
		expect(autoLayout(titled(24))).toBe('list');
		expect(autoLayout(titled(25))).toBe('text');
	});

	it('a description makes a list (buttons have none); 72 characters fit, 73 make text', () => {
		const described = (length: number): Choice[] => [
			{ id: 'a', title: 'Yes', description: 'd'.repeat(length) },
		];
		expect(autoLayout(described(1))).toBe('list');
		expect(autoLayout(described(72))).toBe('list');
		expect(autoLayout(described(73))).toBe('text');
	});
});
