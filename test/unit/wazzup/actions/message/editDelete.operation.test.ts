import { FakeWazzup } from '../../../../fakes/wazzup';
import { useFakeProvider } from '../../../../helpers';
import { WABA, actionNode, conversationItem } from '../../support';

describe('Wazzup Message → Edit and Delete against the fake Wazzup', () => {
	const wazzup = useFakeProvider(new FakeWazzup());

	it('edits and deletes a message sent before', async () => {
		const sent = await actionNode(wazzup, { text: 'Frist' }).execute([conversationItem()]);
		const messageId = String(sent?.[0][0].json.messageId);
		const edited = await actionNode(wazzup, {
			operation: 'edit',
			messageId,
			text: 'First',
		}).execute();
		expect(edited?.[0][0].json).toMatchObject({ ok: true, messageId, text: 'First' });
		expect(wazzup.sent[0]).toMatchObject({ text: 'First', isEdited: true, oldTexts: ['Frist'] });

		await actionNode(wazzup, { operation: 'delete', messageId }).execute();
		expect(wazzup.sent[0].isDeleted).toBe(true);
	});

	it('explains that WABA messages cannot be changed', async () => {
		const sent = await actionNode(wazzup, {
			chatId: `wazzup:${WABA.channelId}:whatsapp:79011112233`,
			text: 'Hi',
		}).execute();
		const messageId = String(sent?.[0][0].json.messageId);
		await expect(
			actionNode(wazzup, { operation: 'delete', messageId }).execute(),
		).rejects.toMatchObject({ description: expect.stringMatching(/WABA/) });
	});

	it('refuses an empty message id or text before calling Wazzup', async () => {
		await expect(
			actionNode(wazzup, { operation: 'edit', messageId: ' ', text: 'x' }).execute(),
		).rejects.toThrow(/Message ID is empty/);
		await expect(
			actionNode(wazzup, { operation: 'edit', messageId: 'm1', text: '' }).execute(),
		).rejects.toThrow(/Text is empty/);
		expect(wazzup.requests).toHaveLength(0);
	});
});
