import { htmlToText, looksLikeHtml } from '../../../../nodes/Omnidesk/helpers/html';

describe('htmlToText', () => {
	it('keeps line breaks, drops tags and decodes entities', () => {
		expect(
			htmlToText('<p>Здравствуйте!</p><p>Где мой заказ&nbsp;№&#8470;42?<br>Спасибо &amp; пока</p>'),
		).toBe('Здравствуйте!\nГде мой заказ №№42?\nСпасибо & пока');
		expect(htmlToText('<ul><li>one</li><li>two</li></ul>')).toBe('• one\n• two');
		expect(htmlToText('<script>alert(1)</script>plain')).toBe('plain');
	});

	it('passes plain text through', () => {
		expect(htmlToText('a < b and c > d')).toBe('a < b and c > d');
		expect(looksLikeHtml('a < b and c > d')).toBe(false);
		expect(looksLikeHtml('<p>x</p>')).toBe(true);
	});
});
