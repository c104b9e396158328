/**
 * The five webhook triggers as the hostile-input suites see them: how to reach one (secret),
 * a valid event to mutate (carrying a marker, so a run can be traced back to the body that
 * started it), which bodies the trigger's own parser refuses (those must be answered 400), and
 * what every item of a run must look like. Used by the unit property suites and the real-n8n run.
 */
import { parseSelartiWebhook } from '../../nodes/AiTask/trigger/parse';
import { triggerToken as aiTriggerToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { AI_TASK_EVENTS } from '../../nodes/AiTask/trigger/events';
import { toConversationEvent as dialog360Event } from '../../nodes/Dialog360/trigger/events';
import { parseDelivery as parse360Delivery } from '../../nodes/Dialog360/trigger/parse';
import { parseRuleBody } from '../../nodes/Omnidesk/trigger/parse';
import { triggerToken as omnideskTriggerToken } from '../../nodes/Omnidesk/trigger/webhookUrl';
import { updateSchema } from '../../nodes/TelegramBot/trigger/parse';
import { deliveryItems as wazzupItems } from '../../nodes/Wazzup/trigger/items';
import { parseDelivery as parseWazzupDelivery } from '../../nodes/Wazzup/trigger/parse';
import {
	ConversationKeyError,
	RecentMap,
	deriveWebhookToken,
	tryParseConversationKey,
	type AcceptedBody,
	type Channel,
} from '../../nodes/shared';
import { buildTextWebhook } from '../fakes/dialog360-webhooks';
import { buildAiWebhook } from '../fakes/selarti';
import { privateTextUpdate } from '../fakes/telegram-updates';
import { buildWazzupMessage, buildWazzupWebhook } from '../fakes/wazzup-webhooks';
import { refusedByReader, type Json } from './hostile';

export const HOSTILE_KEYS = {
	selarti: 'hostile-selarti-api-key',
	telegram: '123456789:AAHostileSuiteTelegramToken0123456789',
	wazzupUrlToken: 'hostile-wazzup-url-token-0001',
	dialog360Header: 'X-Hostile-Secret',
	dialog360Secret: 'hostile-360dialog-header-secret',
	dialog360ApiKey: 'hostile-360dialog-api-key',
	omnidesk: 'hostile-omnidesk-api-key',
};

/** What a request carries to prove it comes from the provider. */
export interface Credentials {
	headers: Record<string, string>;
	query: Record<string, string>;
}

export type SecretCase = 'right' | 'wrong' | 'missing';

export interface HostileTrigger {
	/** The node type name (without the package prefix). */
	type: string;
	label: string;
	/** The trigger's parameters in the suites: defaults, and nothing that calls the provider. */
	parameters: Record<string, unknown>;
	/** The n8n webhook path (`isFullPath` triggers: the whole path). */
	path: string;
	fullPath: boolean;
	accepted: AcceptedBody[];
	/** The request's secret for a trigger in workflow `workflowId`, node `nodeId`. */
	secret(which: SecretCase, workflowId: string, nodeId: string): Credentials;
	/** A valid event that starts a run; `n` makes its ids unique and its text `marker(n)`. */
	valid(n: number): Json;
	/** Whether the trigger's reader and parser take this body (else: 400). */
	parses(body: unknown): boolean;
	/** What is wrong with an item a run started with, or undefined. */
	itemProblem(json: Record<string, unknown>): string | undefined;
}

export const marker = (n: number) => `hostile-valid-${n}`;

/** A message event must carry a conversation key of its own channel. */
function keyProblem(json: Record<string, unknown>, channel: Channel): string | undefined {
	if (json.event !== 'message' && channel !== 'omnidesk') return `event ${String(json.event)}`;
	const key = (json.conversation as { key?: unknown } | undefined)?.key;
	const parsed = tryParseConversationKey(key);
	if (!parsed.ok) return `conversation key ${JSON.stringify(key)}: ${parsed.error}`;
	if (parsed.route.channel !== channel) return `key of channel ${parsed.route.channel}`;
	return undefined;
}

function header(name: string, value: string | undefined): Credentials {
	return { headers: value === undefined ? {} : { [name.toLowerCase()]: value }, query: {} };
}

function query(value: string | undefined): Credentials {
	return { headers: {}, query: value === undefined ? {} : { token: value } };
}

const pick = (which: SecretCase, right: string): string | undefined =>
	which === 'right' ? right : which === 'wrong' ? `${right.slice(0, -2)}xx` : undefined;

const isObject = (body: unknown): body is Record<string, unknown> => !refusedByReader(body);

/** False when building the items throws because ids do not make a conversation key (400). */
function keysBuild(build: () => unknown): boolean {
	try {
		build();
		return true;
	} catch (error) {
		if (error instanceof ConversationKeyError) return false;
		throw error;
	}
}

export const aiTaskTrigger: HostileTrigger = {
	type: 'aiTaskTrigger',
	label: 'AI Task Trigger',
	parameters: { path: 'hostile-ai' },
	path: 'hostile-ai',
	fullPath: true,
	accepted: ['json'],
	secret: (which) => query(pick(which, aiTriggerToken(HOSTILE_KEYS.selarti, 'hostile-ai'))),
	valid: (n) =>
		buildAiWebhook({ message_id: 700_000 + n, message_text: marker(n) }) as unknown as Json,
	parses: (body) => isObject(body) && parseSelartiWebhook(body).ok,
	itemProblem: (json) =>
		AI_TASK_EVENTS.some((event) => event.value === json.event)
			? undefined
			: `event ${String(json.event)}`,
};

export const telegramBotTrigger: HostileTrigger = {
	type: 'telegramBotTrigger',
	label: 'Telegram Bot Trigger',
	parameters: { events: ['message'] },
	path: 'webhook',
	fullPath: false,
	accepted: ['json'],
	secret: (which, workflowId, nodeId) =>
		header(
			'X-Telegram-Bot-Api-Secret-Token',
			pick(which, deriveWebhookToken(HOSTILE_KEYS.telegram, workflowId, nodeId)),
		),
	valid: (n) => privateTextUpdate(marker(n), { updateId: 10_000 + n }) as Json,
	parses: (body) => isObject(body) && updateSchema.safeParse(body).success,
	itemProblem: (json) => keyProblem(json, 'telegram'),
};

export const wazzupTrigger: HostileTrigger = {
	type: 'wazzupTrigger',
	label: 'Wazzup Trigger',
	parameters: {
		events: ['message'],
		registration: 'manual',
		urlToken: HOSTILE_KEYS.wazzupUrlToken,
	},
	path: 'wazzup',
	fullPath: false,
	accepted: ['json'],
	secret: (which) => query(pick(which, HOSTILE_KEYS.wazzupUrlToken)),
	valid: (n) =>
		buildWazzupWebhook({
			messages: [buildWazzupMessage({ messageId: `hostile-message-${n}`, text: marker(n) })],
		}) as unknown as Json,
	parses: (body) => {
		if (!isObject(body)) return false;
		const parsed = parseWazzupDelivery(body as never);
		if (!parsed.ok) return false;
		// Only the chosen events' items are built; a fresh memory, so nothing counts as a repeat.
		const settings = { events: ['message'], channelIds: [], scope: 'oracle' };
		return keysBuild(() => wazzupItems(parsed.delivery, settings, new RecentMap(10, 1000)));
	},
	itemProblem: (json) => keyProblem(json, 'wazzup'),
};

export const dialog360Trigger: HostileTrigger = {
	type: 'dialog360Trigger',
	label: '360dialog WhatsApp Trigger',
	parameters: {
		events: ['message'],
		registration: 'manual',
		manualHeaderName: HOSTILE_KEYS.dialog360Header,
		manualHeaderValue: HOSTILE_KEYS.dialog360Secret,
	},
	path: 'webhook',
	fullPath: false,
	accepted: ['json'],
	secret: (which) =>
		header(HOSTILE_KEYS.dialog360Header, pick(which, HOSTILE_KEYS.dialog360Secret)),
	valid: (n) => buildTextWebhook(marker(n), { messageId: `wamid.hostile${n}` }) as Json,
	parses: (body) => {
		if (!isObject(body)) return false;
		const parsed = parse360Delivery(body);
		if (!parsed.ok) return false;
		return keysBuild(() => parsed.entries.map((entry) => dialog360Event(entry, {})));
	},
	itemProblem: (json) => keyProblem(json, '360dialog'),
};

export const omnideskTrigger: HostileTrigger = {
	type: 'omnideskTrigger',
	label: 'Omnidesk Trigger',
	// No API calls: the last-message check would ask Omnidesk about every case.
	parameters: { path: 'hostile-omnidesk', options: { checkLastMessage: false } },
	path: 'hostile-omnidesk',
	fullPath: true,
	accepted: ['json', 'form'],
	secret: (which) =>
		query(pick(which, omnideskTriggerToken(HOSTILE_KEYS.omnidesk, 'hostile-omnidesk'))),
	valid: (n) => ({
		event: 'new_message',
		case_id: String(3000 + n),
		case_subject: 'Order',
		user_id: '77',
		user_full_name: 'Client',
		last_message: marker(n),
		last_message_id: String(50_000 + n),
		last_staff_id: '0',
	}),
	parses: (body) => isObject(body) && parseRuleBody(body).ok,
	itemProblem: (json) => keyProblem(json, 'omnidesk'),
};

export const HOSTILE_TRIGGERS = [
	aiTaskTrigger,
	telegramBotTrigger,
	wazzupTrigger,
	dialog360Trigger,
	omnideskTrigger,
];
