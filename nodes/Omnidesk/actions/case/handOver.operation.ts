import type { IDataObject } from 'n8n-workflow';

import { defineOperation, InputError, textParameter } from '../../../shared';
import { caseField, groupField, staffField } from '../../descriptions';
import { caseRefOf, casePath } from '../../helpers/caseRef';
import { fetchCase, labelIdsOf, optionalIdOf } from '../../helpers/directory';
import { planHandover } from '../../helpers/handover';
import { omnideskRequest } from '../../transport';

export const handOver = defineOperation({
	value: 'handOver',
	name: 'Hand Over to Humans',
	action: 'Hand over a case to humans',
	description:
		'Remove the bot label, move the case to a group and/or staff member and leave an internal note; a repeat changes nothing',
	properties: [
		caseField,
		{
			displayName: 'Bot Label Name or ID',
			name: 'botLabel',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getLabels' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'The label that marks cases the AI handles; it is removed',
		},
		groupField({ hint: 'The group of human operators to move the case to' }),
		staffField({ hint: 'The operator to assign the case to' }),
		{
			displayName: 'Note',
			name: 'note',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description:
				"An internal note for the operators (the AI's summary, a link to the dialog). Added only when the handoff changed something.",
		},
	],
	async execute(context) {
		const ref = caseRefOf(context.parameter('chatId'));
		const botLabel = textParameter(context.parameter('botLabel')).trim();
		const botLabelId = botLabel
			? (await labelIdsOf(context.execution, [botLabel], 'Bot Label', context.itemIndex))[0]
			: undefined;
		const groupId = optionalIdOf(context.parameter('groupId'), 'Group');
		const staffId = optionalIdOf(context.parameter('staffId'), 'Staff Member');
		if (botLabelId === undefined && groupId === undefined && staffId === undefined) {
			throw new InputError(
				'Nothing to hand over: Bot Label, Group and Staff Member are all empty.',
				'Choose the bot label to remove and the group (or staff member) of human operators.',
			);
		}
		const kase = await fetchCase(context.execution, ref, context.itemIndex);
		const plan = planHandover(kase, { botLabelId, groupId, staffId });
		const caseId = String(kase.case_id ?? ref);
		if (plan.changes.length === 0) {
			return {
				json: {
					handedOver: false,
					alreadyHandedOver: true,
					message: 'The case was already with humans: nothing changed.',
					caseId,
					changes: [],
				},
			};
		}
		// Setting labels, group and staff to fixed values is safe to repeat.
		const updated = await omnideskRequest<{ case?: IDataObject }>(context.execution, {
			method: 'PUT',
			path: casePath(ref),
			body: { case: plan.fields },
			idempotent: true,
			itemIndex: context.itemIndex,
		});
		const note = textParameter(context.parameter('note')).trim();
		let noteId: string | undefined;
		if (note) {
			const answer = await omnideskRequest<{ message?: IDataObject }>(context.execution, {
				method: 'POST',
				path: casePath(ref, '/note'),
				body: { note: { content: note } },
				idempotent: false,
				itemIndex: context.itemIndex,
			});
			noteId =
				answer.message?.message_id === undefined ? undefined : String(answer.message.message_id);
		}
		return {
			json: {
				handedOver: true,
				alreadyHandedOver: false,
				caseId,
				changes: plan.changes,
				...(noteId ? { noteId } : {}),
				case: updated.case ?? {},
			},
		};
	},
});
