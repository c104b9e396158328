import {
	attachmentLines,
	conversationInfo,
	InputError,
	resolveChannelTarget,
	type ChannelTargetRules,
} from '../../../../nodes/shared';

describe('conversationInfo', () => {
	it('puts key, chat id and channel first, then the route fields', () => {
		const info = conversationInfo({ channel: '360dialog', phoneNumberId: 'default', waId: '49' });
		expect(info).toEqual({
			key: '360dialog:default:49',
			chatId: '49',
			channel: '360dialog',
			phoneNumberId: 'default',
			waId: '49',
		});
		expect(Object.keys(info).slice(0, 2)).toEqual(['key', 'chatId']);
	});
});

describe('attachmentLines', () => {
	it('writes file:<kind>|<id>|<url>, with missing parts empty', () => {
		expect(
			attachmentLines([
				{ kind: 'photo', id: 'F1', url: 'https://x/y' },
				{ kind: 'voice', id: 'F2' },
				{ kind: 'location' },
			]),
		).toEqual(['file:photo|F1|https://x/y', 'file:voice|F2|', 'file:location||']);
	});

	it('percent-encodes |, CR and LF inside values, and nothing else', () => {
		expect(attachmentLines([{ kind: 'doc', id: 'a|b\r\nc', url: 'u v%' }])).toEqual([
			'file:doc|a%7Cb%0D%0Ac|u v%',
		]);
	});

	it('writes nothing for no attachments', () => {
		expect(attachmentLines([])).toEqual([]);
	});
});

describe('resolveChannelTarget', () => {
	const rules: ChannelTargetRules<'telegram'> = {
		channel: 'telegram',
		label: 'Telegram',
		plainId: /^-?\d+$/,
		plainIdName: 'chat id',
		emptyFix: 'map a chat id.',
		otherAccount: (route) => (route.botId === '999' ? 'belongs to another bot.' : undefined),
	};
	const resolve = (value: unknown) => resolveChannelTarget(value, rules);
	const failure = (value: unknown): InputError => {
		try {
			resolve(value);
		} catch (error) {
			expect(error).toBeInstanceOf(InputError);
			return error as InputError;
		}
		throw new Error('expected an InputError');
	};

	it('takes a plain id as it is, trimmed, and a safe integer as its digits', () => {
		expect(resolve(' -100123 ')).toEqual({ kind: 'plain', id: '-100123' });
		expect(resolve(42)).toEqual({ kind: 'plain', id: '42' });
		expect(resolve(Number.MAX_SAFE_INTEGER)).toEqual({
			kind: 'plain',
			id: String(Number.MAX_SAFE_INTEGER),
		});
	});

	it('refuses a number that is not an exact integer', () => {
		expect(failure(2 ** 53).message).toBe(
			'Chat ID 9007199254740992 is not an exact integer: pass it as a string.',
		);
		expect(failure(1.5).message).toBe('Chat ID 1.5 is not an exact integer: pass it as a string.');
	});

	it.each<[unknown]>([[''], ['   '], [undefined], [null], [{}]])('refuses %j as empty', (value) => {
		expect(failure(value).message).toBe('Chat ID is empty: map a chat id.');
	});

	it('reads a key of its own channel and account', () => {
		expect(resolve('telegram:1:@chan_name')).toEqual({
			kind: 'key',
			route: { channel: 'telegram', botId: '1', chatId: '@chan_name' },
		});
	});

	it('refuses what is neither a plain id nor a key, with the key’s own error', () => {
		expect(failure('hello').message).toMatch(
			/^Chat ID "hello" is neither a Telegram chat id nor a conversation key\. Conversation key "hello" does not start/,
		);
	});

	it('refuses a key of another channel, naming where it belongs', () => {
		expect(failure('omnidesk:5').message).toBe(
			'Conversation key "omnidesk:5" belongs to omnidesk, not Telegram: route it to the omnidesk node.',
		);
	});

	it('refuses a key of another account with the rule’s message', () => {
		expect(failure('telegram:999:5').message).toBe(
			'Conversation key "telegram:999:5" belongs to another bot.',
		);
	});

	it('reads a key when the channel has no account rule', () => {
		const open: ChannelTargetRules<'omnidesk'> = {
			channel: 'omnidesk',
			label: 'Omnidesk',
			plainId: /^\d+$/,
			plainIdName: 'case id',
			emptyFix: 'x',
		};
		expect(resolveChannelTarget('omnidesk:a', open)).toEqual({
			kind: 'key',
			route: { channel: 'omnidesk', caseId: 'a' },
		});
	});
});
