import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared';
import { DEFAULT_EVENTS, OMNIDESK_EVENTS } from './events';
import { NEW_CASE_RULE_BODY, NEW_MESSAGE_RULE_BODY, STAFF_REPLY_RULE_BODY } from './ruleBodies';

export const DEFAULT_TRIGGER_PATH = 'omnidesk';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: `Omnidesk has no API for webhooks: create two rules by hand (Settings → Rules) with the action "Send a webhook", method POST, content type JSON, and the Production URL below. Rule on incoming cases, body: ${NEW_CASE_RULE_BODY} — Rule on changed cases (a client replied), body: ${NEW_MESSAGE_RULE_BODY}`,
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: `Staff Reply only (operators answer in Omnidesk, a workflow takes the answer to the client's messenger): a third rule on changed cases, condition "a staff member replied", body: ${STAFF_REPLY_RULE_BODY} — replies written with this node's credential (the AI's answers mirrored into the case) are ignored`,
		name: 'staffReplyNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: DEFAULT_TRIGGER_PATH,
		placeholder: DEFAULT_TRIGGER_PATH,
		description:
			'The last part of the webhook URL. Use a different path in every workflow with this trigger; changing it changes the URL and its token.',
	},
	{
		// n8n's lint rules name every list loaded from a method this way, even one that only shows.
		displayName: 'Webhook URL for Omnidesk Name or ID',
		name: 'webhookUrl',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'webhookUrls', loadOptionsDependsOn: ['path'] },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Open the list to see the full URL, secret token included, and paste it into both Omnidesk rules. Selecting one changes nothing: the node only shows it. Choose a credential first.',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: OMNIDESK_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
		default: [...DEFAULT_EVENTS],
		description: 'Which deliveries start the workflow. None selected means both.',
	},
	{
		displayName: 'Only Cases With the Bot Label',
		name: 'onlyBotLabel',
		type: 'boolean',
		default: false,
		description:
			'Whether to start the workflow only for cases carrying the bot label, so that cases handed over to humans are left alone',
	},
	{
		displayName: 'Bot Label Name or ID',
		name: 'botLabel',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLabels' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The label that marks the cases the AI handles',
		displayOptions: { show: { onlyBotLabel: [true] } },
	},
	optionsCollection([
		{
			displayName: 'Check Last Message in Omnidesk',
			name: 'checkLastMessage',
			type: 'boolean',
			default: true,
			description:
				"Whether to read the case's newest message from Omnidesk and ignore the delivery unless a client wrote it (one API call). Staff replies, the bot's own replies, notes and rule messages never start the AI either way when the rule body says who wrote them.",
		},
		{
			displayName: 'Drop Repeated Messages',
			name: 'dropRepeats',
			type: 'boolean',
			default: true,
			description:
				'Whether to ignore a delivery for a message this n8n process already passed on (a rule on changed cases also fires when an operator edits the case). Best effort: per process, for 24 hours.',
		},
	]),
];
