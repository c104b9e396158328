import type { INodeExecutionData } from 'n8n-workflow';

import { Omnichannel360DialogApi } from '../../../credentials/Omnichannel360DialogApi.credentials';
import { Dialog360 } from '../../../nodes/Dialog360/Dialog360.node';
import { faults } from '../../fakes/fake-server';
import { DEFAULT_360DIALOG_KEY, FakeDialog360 } from '../../fakes/dialog360';
import { NodeHarness, prepareBinaryData, useFakeProvider } from '../../helpers';

const USER = '4917612345678';
const KEY = `360dialog:1122334455667:${USER}`;
const item = (key = KEY): INodeExecutionData => ({
	json: { conversation: { key }, message: { id: 'wamid.IN', text: 'Hi' } },
});

function harnessFor(fake: FakeDialog360, variant: 'cloud' | 'onpremise') {
	return (parameters: Record<string, unknown>, continueOnFail = false) =>
		new NodeHarness(new Dialog360(), {
			parameters: { resource: 'message', operation: 'sendText', ...parameters },
			credentials: {
				omnichannel360DialogApi: {
					apiKey: DEFAULT_360DIALOG_KEY,
					apiVariant: variant,
					baseUrl: fake.url,
				},
			},
			credentialTypes: [new Omnichannel360DialogApi()],
			continueOnFail,
		});
}

describe('360dialog action node against the fake Cloud API', () => {
	const dialog = useFakeProvider(new FakeDialog360());
	const harness = harnessFor(dialog, 'cloud');

	it('sends text to the wa_id of the conversation key, with messaging_product', async () => {
		const output = await harness({ text: '={{ "Echo: " + $json.message.text }}' }).execute([
			item(),
		]);
		const [sent] = dialog.sentTo(USER);
		expect(sent.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: USER,
			type: 'text',
			text: { body: 'Echo: Hi' },
		});
		expect(output?.[0][0].json).toMatchObject({ ok: true, to: USER, messageId: sent.id, parts: 1 });
	});

	it('accepts a phone number typed by hand, refuses a key of another channel', async () => {
		await harness({ chatId: '+4917612345678', text: 'x' }).execute([{ json: {} }]);
		expect(dialog.sentTo(USER)).toHaveLength(1);
		await expect(
			harness({ chatId: 'telegram:123:456', text: 'x' }).execute([{ json: {} }]),
		).rejects.toThrow(/belongs to telegram/);
	});

	it('splits a text over 4096 characters into ordered messages', async () => {
		const paragraphs = [1, 2, 3].map((n) => `Part ${n}: ` + 'lorem ipsum '.repeat(300));
		const output = await harness({ text: paragraphs.join('\n\n') }).execute([item()]);
		const sent = dialog.sentTo(USER).map((m) => (m.body.text as { body: string }).body);
		expect(sent.map((text) => text.slice(0, 7))).toEqual(['Part 1:', 'Part 2:', 'Part 3:']);
		expect(sent.every((text) => text.length <= 4096)).toBe(true);
		expect(output?.[0][0].json.parts).toBe(3);
	});

	it('outside the 24-hour window: a clear error, or the configured template instead', async () => {
		dialog.expireWindow(USER);
		await expect(harness({ text: 'late' }).execute([item()])).rejects.toThrow(
			/360dialog answered 400/,
		);
		const failed = await harness({ text: 'late' }, true).execute([item()]);
		expect(String(failed?.[0][0].json.description)).toMatch(/24-hour/);
		expect(dialog.sentTo(USER)).toHaveLength(0);

		const output = await harness({
			text: 'late',
			options: {
				windowTemplateName: 'follow_up',
				windowTemplateLanguage: 'de',
				windowTemplateComponents: '[{"type":"body","parameters":[{"type":"text","text":"Ann"}]}]',
			},
		}).execute([item()]);
		const sent = dialog.sentTo(USER);
		expect(sent.map((m) => m.type)).toEqual(['template']);
		expect(sent[0].body.template).toEqual({
			name: 'follow_up',
			language: { policy: 'deterministic', code: 'de' },
			components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ann' }] }],
		});
		expect(output?.[0][0].json).toMatchObject({ ok: true, sentTemplate: true });
	});

	it.each([
		[2, 'interactive', 'button'],
		[5, 'interactive', 'list'],
		[12, 'text', undefined],
	])('%i options go out as %s (%s)', async (count, type, interactiveType) => {
		const choices = Array.from({ length: count }, (_, i) => `Option ${i + 1}`).join('\n');
		const output = await harness({ operation: 'sendChoices', text: 'Pick one', choices }).execute([
			item(),
		]);
		const [sent] = dialog.sentTo(USER);
		expect(sent.type).toBe(type);
		if (interactiveType) {
			const interactive = sent.body.interactive as {
				type: string;
				action: Record<string, unknown>;
			};
			expect(interactive.type).toBe(interactiveType);
		} else {
			const body = (sent.body.text as { body: string }).body;
			expect(body).toContain('Pick one\n\n1. Option 1\n2. Option 2');
			expect(body).toContain('12. Option 12');
		}
		expect(output?.[0][0].json.layout).toBe(
			interactiveType === 'button' ? 'buttons' : (interactiveType ?? 'text'),
		);
	});

	it('a forced layout WhatsApp would refuse is a clear error; long titles fall back in Automatic', async () => {
		await expect(
			harness({
				operation: 'sendChoices',
				text: 'Q',
				choices: 'a\nb\nc\nd',
				layout: 'buttons',
			}).execute([item()]),
		).rejects.toThrow('4 options, but WhatsApp allows at most 3 reply buttons.');
		await expect(
			harness({
				operation: 'sendChoices',
				text: 'Q',
				choices: 'A title that is far too long\nNo',
				layout: 'buttons',
			}).execute([item()]),
		).rejects.toThrow(/allows 20 in a button title/);
		expect(dialog.sentTo(USER)).toHaveLength(0);
		const output = await harness({
			operation: 'sendChoices',
			text: 'Q',
			choices: '={{ ["A title that is 22 ch", "No"] }}',
		}).execute([item()]);
		expect(output?.[0][0].json.layout).toBe('list');
	});

	it('no options: the text goes as a plain message (an AI answer without buttons); JSON text is read', async () => {
		const plain = await harness({
			operation: 'sendChoices',
			text: 'Just text',
			choices: '={{ JSON.stringify([]) }}',
		}).execute([item()]);
		expect(dialog.sentTo(USER)[0].body.text).toEqual({ body: 'Just text' });
		expect(plain?.[0][0].json.layout).toBe('plain');
		await harness({
			operation: 'sendChoices',
			text: 'Pick',
			choices: '[{"text": "Yes", "callbackData": "y"}, {"text": "No", "callbackData": "n"}]',
		}).execute([item()]);
		const buttons = (dialog.sentTo(USER)[1].body.interactive as { action: { buttons: unknown[] } })
			.action.buttons;
		expect(buttons).toEqual([
			{ type: 'reply', reply: { id: 'y', title: 'Yes' } },
			{ type: 'reply', reply: { id: 'n', title: 'No' } },
		]);
		await expect(
			harness({ operation: 'sendChoices', text: 'Q', choices: '', layout: 'list' }).execute([
				item(),
			]),
		).rejects.toThrow('"Options" is empty');
	});

	it('sends media by link; a refused link goes out as text', async () => {
		await harness({
			operation: 'sendMedia',
			mediaType: 'document',
			link: 'https://example.com/price.pdf',
			options: { caption: 'Prices', filename: 'price.pdf' },
		}).execute([item()]);
		expect(dialog.sentTo(USER)[0].body.document).toEqual({
			link: 'https://example.com/price.pdf',
			caption: 'Prices',
			filename: 'price.pdf',
		});

		const output = await harness({
			operation: 'sendMedia',
			mediaType: 'image',
			link: 'https://example.com/picture.webp',
			options: { caption: 'Look' },
		}).execute([item()]);
		const fallback = dialog.sentTo(USER)[1];
		expect(fallback.type).toBe('text');
		expect(fallback.body.text).toEqual({
			body: 'Look\nhttps://example.com/picture.webp',
			preview_url: true,
		});
		expect(output?.[0][0].json).toMatchObject({ sentAsTextLink: true });

		await expect(
			harness({
				operation: 'sendMedia',
				mediaType: 'image',
				link: 'https://example.com/picture.webp',
				options: { fallbackToText: false },
			}).execute([item()]),
		).rejects.toThrow(/Unsupported image type/);
	});

	it('uploads a binary file and downloads it back by media id', async () => {
		const binary = await prepareBinaryData(Buffer.from('png-bytes'), 'a.png', 'image/png');
		const uploaded = await harness({ resource: 'media', operation: 'upload' }).execute([
			{ json: {}, binary: { data: binary } },
		]);
		const mediaId = String(uploaded?.[0][0].json.mediaId);
		expect(dialog.media.get(mediaId)?.data.toString()).toBe('png-bytes');

		const downloaded = await harness({ resource: 'media', operation: 'download', mediaId }).execute(
			[{ json: {} }],
		);
		const file = downloaded?.[0][0].binary?.data;
		expect(Buffer.from(file?.data ?? '', 'base64').toString()).toBe('png-bytes');
		expect(file?.mimeType).toBe('image/png');
	});

	it('never retries a failed media request (more than 5 failures an hour block the number)', async () => {
		const before = dialog.requests.length;
		await expect(
			harness({ resource: 'media', operation: 'download', mediaId: '999' }).execute([{ json: {} }]),
		).rejects.toThrow(/360dialog answered 404/);
		expect(dialog.requests.slice(before)).toHaveLength(1);
		dialog.failNext(/^\/\d+$/, faults.respond(503, { error: { message: 'busy' } }));
		await expect(
			harness({ resource: 'media', operation: 'download', mediaId: '999' }).execute([{ json: {} }]),
		).rejects.toThrow(/503/);
		expect(dialog.requests.slice(before)).toHaveLength(2);
		// Not even a 429 (which other calls wait out): the media block lasts an hour.
		dialog.failNext(
			/^\/\d+$/,
			faults.respond(429, { error: { message: 'blocked', code: 130429 } }),
		);
		await expect(
			harness({ resource: 'media', operation: 'download', mediaId: '999' }).execute([{ json: {} }]),
		).rejects.toThrow(/429/);
		expect(dialog.requests.slice(before)).toHaveLength(3);
	});

	it('sends template, location, contact and reaction, and marks as read', async () => {
		await harness({
			operation: 'sendTemplate',
			templateName: 'hello_world',
			language: 'en_US',
		}).execute([item()]);
		await harness({
			operation: 'sendLocation',
			latitude: 52.52,
			longitude: 13.4,
			options: { name: 'Shop' },
		}).execute([item()]);
		await harness({
			operation: 'sendContact',
			contactName: 'Support',
			contactPhone: '+491234',
		}).execute([item()]);
		await harness({
			operation: 'sendReaction',
			messageId: '={{ $json.message.id }}',
			emoji: '👍',
		}).execute([item()]);
		await harness({ operation: 'markAsRead', messageId: '={{ $json.message.id }}' }).execute([
			item(),
		]);
		const sent = dialog.sentTo(USER);
		expect(sent.map((m) => m.type)).toEqual(['template', 'location', 'contacts', 'reaction']);
		expect(sent[1].body.location).toEqual({ latitude: 52.52, longitude: 13.4, name: 'Shop' });
		expect(sent[2].body.contacts).toEqual([
			{
				name: { formatted_name: 'Support', first_name: 'Support' },
				phones: [{ phone: '+491234', type: 'WORK' }],
			},
		]);
		expect(sent[3].body.reaction).toEqual({ message_id: 'wamid.IN', emoji: '👍' });
		expect(dialog.readMarks).toEqual(['wamid.IN']);
		await expect(
			harness({ operation: 'sendLocation', latitude: 100, longitude: 0 }).execute([item()]),
		).rejects.toThrow('"Latitude" must be a number between -90 and 90');
	});

	it('does not repeat a send after a 5xx (it may have arrived); waits out a 429', async () => {
		dialog.failNext(/^\/messages$/, faults.respond(502, { error: { message: 'Bad Gateway' } }));
		await expect(harness({ text: 'once' }).execute([item()])).rejects.toThrow(/502/);
		expect(dialog.requests.filter((r) => r.path === '/messages')).toHaveLength(1);

		dialog.failNext(
			/^\/messages$/,
			faults.respond(
				429,
				{ error: { message: 'Rate limit hit', code: 130429 } },
				{ 'retry-after': '1' },
			),
		);
		await harness({ text: 'after the limit' }).execute([item()]);
		expect(dialog.sentTo(USER).map((m) => (m.body.text as { body: string }).body)).toEqual([
			'after the limit',
		]);
	});

	it('reads and sets the webhook config, showing header names only', async () => {
		await harness({
			resource: 'webhook',
			operation: 'set',
			url: 'https://n8n.example.com/webhook/abc',
			headers: '{"X-Secret": "value"}',
		}).execute([{ json: {} }]);
		const output = await harness({ resource: 'webhook', operation: 'get' }).execute([{ json: {} }]);
		expect(output?.[0][0].json).toEqual({
			url: 'https://n8n.example.com/webhook/abc',
			headerNames: ['X-Secret'],
		});
	});

	it('a wrong key is reported with a hint about the credential, never the key itself', async () => {
		const node = new NodeHarness(new Dialog360(), {
			parameters: { resource: 'message', operation: 'sendText', text: 'x' },
			credentials: {
				omnichannel360DialogApi: {
					apiKey: 'wrong-key-123',
					apiVariant: 'cloud',
					baseUrl: dialog.url,
				},
			},
			credentialTypes: [new Omnichannel360DialogApi()],
			continueOnFail: true,
		});
		const output = await node.execute([item()]);
		const json = JSON.stringify(output?.[0][0].json);
		expect(json).toMatch(/Invalid api key/);
		expect(json).toMatch(/API Key/);
		expect(json).not.toContain('wrong-key-123');
	});
});

describe('360dialog action node against the fake On-Premise API', () => {
	const dialog = useFakeProvider(new FakeDialog360({ variant: 'onpremise' }));
	const harness = harnessFor(dialog, 'onpremise');

	it('posts to /v1/messages without messaging_product and marks read with PUT', async () => {
		await harness({ text: 'hi' }).execute([item('360dialog:default:' + USER)]);
		const [sent] = dialog.sentTo(USER);
		expect(sent.body).toEqual({
			recipient_type: 'individual',
			to: USER,
			type: 'text',
			text: { body: 'hi' },
		});
		await harness({ operation: 'markAsRead', messageId: 'wamid.X' }).execute([item()]);
		expect(dialog.readMarks).toEqual(['wamid.X']);
	});

	it('falls back to the template on the On-Premise window error too', async () => {
		dialog.expireWindow(USER);
		const output = await harness({
			text: 'late',
			options: { windowTemplateName: 'follow_up' },
		}).execute([item()]);
		expect(dialog.sentTo(USER).map((m) => m.type)).toEqual(['template']);
		expect(output?.[0][0].json.sentTemplate).toBe(true);
	});

	it('media upload says it needs the Cloud API', async () => {
		await expect(
			harness({ resource: 'media', operation: 'upload' }).execute([{ json: {} }]),
		).rejects.toThrow(/needs the Cloud API/);
	});
});

describe('360dialog template dropdown', () => {
	const dialog = useFakeProvider(new FakeDialog360({ templates: ['order_update', 'hello_world'] }));

	it('lists the approved templates of the number, sorted, from GET /v1/configs/templates', async () => {
		const node = harnessFor(dialog, 'cloud')({ operation: 'sendTemplate' });
		expect(await node.loadOptions('getTemplates')).toEqual([
			{ name: 'hello_world', value: 'hello_world', description: 'Languages: en_US' },
			{ name: 'order_update', value: 'order_update', description: 'Languages: en_US' },
		]);
		expect(dialog.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/configs/templates',
		]);
	});
});
