/**
 * Queue mode (issue #13) for the shipped AI-assistant templates other than Telegram's (that one is
 * driven by queue-mode.e2e.test.ts): Wazzup, 360dialog, Omnidesk and the Telegram bot with
 * Omnidesk as the operators' desk, each imported and filled in as an admin would, in one cluster (main + 2 workers + 2 webhook processors behind a round-robin
 * balancer, PostgreSQL and Redis), against the fake providers and the fake Selarti. Per template:
 *   - a few dialogs of user messages through the balancer: every message reaches the AI once with
 *     its conversation key, every AI answer reaches its own chat or case once (Omnidesk and the
 *     desk: a dialog's next message once the last was answered, see `inTurns`);
 *   - every run of the template ran on a worker, none on main, enqueued by the webhook processors;
 *   - an AI answer to webhook processor A, then (once A's record is saved) the same to B: no
 *     second run, no second message to the channel;
 *   - a dialog's handoff, operator messages to A then B: the template's handoff action runs once
 *     (on dialogs of the traffic test, so the desk template has a case to hand over).
 * Figures are printed and written to <run dir>/queue-mode-templates-figures.json.
 */
import * as fs from 'node:fs';
import path from 'node:path';

import { triggerToken as aiTriggerToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { triggerToken as omnideskToken } from '../../nodes/Omnidesk/trigger/webhookUrl';
import { buildTextWebhook, FakeDialog360 } from '../fakes/dialog360';
import { buildRulesWebhook, DEFAULT_API_KEY, FakeOmnidesk, makeCase } from '../fakes/omnidesk';
import { buildAiWebhook, FakeSelarti } from '../fakes/selarti';
import { FakeTelegram } from '../fakes/telegram';
import { privateTextUpdate } from '../fakes/telegram-updates';
import { buildWazzupMessage, DEFAULT_WAZZUP_CHANNELS, FakeWazzup } from '../fakes/wazzup';
import type { CredentialFixture } from './harness';
import { runDir } from './harness/paths';
import { filledTemplate, type TemplateNode } from './harness/templates';
import { QueueCluster } from './harness/queue-cluster';
import {
	aiTriggerNodeId,
	isDuplicateAnswer,
	messageRecordKey,
	savedMessageRecords,
	tally,
} from './harness/static-data-records';
import { waitFor } from './harness/wait';
import { omnideskCredential, selartiCredential } from './omnidesk-support';
import { telegramCredential, until } from './telegram-support';
import { wazzupCredential } from './wazzup-support';

const DIALOGS = 5;
const MESSAGES_PER_DIALOG = 4;
const REDELIVERED = Number(process.env.QUEUE_TPL_REDELIVERED ?? 3);
const HANDOFF_DIALOGS = 2;

const WAZZUP_KEY = 'queue-templates-wazzup-key';
const D360_KEY = 'queue-templates-360dialog-key';
const CHANNEL = DEFAULT_WAZZUP_CHANNELS[0];
const WAZZUP_MANAGERS = '79000000000'; // the Wazzup template's placeholder
const D360_MANAGER = '4915112345678'; // the 360dialog template's placeholder
const D360_NUMBER = '1122334455667'; // the fake's phone number id
const BOT_LABEL = 104; // "ai-handled" in the fake Omnidesk
const HUMAN_GROUP = 44;
const OMNIDESK_RULE_PATH = 'omnidesk-ai-assistant';
const DESK_BOT = '666666666:AAqueueDeskTemplateBotTokenE2e_0000';
const DESK_BOT_ID = DESK_BOT.split(':')[0];

const figures: Record<string, unknown> = {};
function record(name: string, value: unknown): void {
	figures[name] = value;
	// eslint-disable-next-line no-console -- the measured figures the README quotes
	console.log(`queue-mode-templates: ${name} = ${JSON.stringify(value)}`);
}

/** The AI Task Trigger's message records n8n has saved (static data → recentMessages keys). */
/** A shipped template with credentials (by node type), the AI task id and `edit` applied, as an admin would. */
const filled = (
	file: string,
	workflowId: string,
	credentials: Array<[RegExp, CredentialFixture]>,
	edit: (node: TemplateNode) => void,
) =>
	filledTemplate(
		path.resolve(__dirname, '../../workflows', file),
		workflowId,
		credentials.map(([nodeType, { type, id, name }]) => ({ nodeType, type, id, name })),
		(node) => {
			if (node.name === 'Send to AI task') node.parameters.taskId = 'task-1';
			edit(node);
		},
	);

/** The AI Task Trigger node's id in each imported template (n8n gives the nodes their ids), by workflow id. */
const aiTriggerNodeIds = new Map<string, string>();

/** What the test needs to know of one template and its channel. */
interface TemplateUnderTest {
	name: string;
	workflowId: string;
	aiPath: string;
	selarti: FakeSelarti;
	/** The node the template's handoff branch runs (once per dialog). */
	handoffNode: string;
	/** A dialog's conversation key, as the template sends it to the AI. */
	key(dialog: number): string;
	/** The user writes in dialog `dialog`, through the balancer. */
	userSays(dialog: number, text: string): Promise<void>;
	/** The texts the channel received for the user of `dialog` (AI answers, operator messages). */
	received(dialog: number): string[];
	/** The handoff notices (or notes) the channel shows for `dialog`. */
	handoffsSeen(dialog: number): number;
	/** Each dialog's next message only once the last one was answered (the template keeps state per dialog). */
	inTurns?: boolean;
	/** More checks once the traffic was answered. */
	afterTraffic?(): void;
}

const describeQueue = process.env.E2E_QUEUE === '0' ? describe.skip : describe;

describeQueue(
	'queue mode: the Wazzup, 360dialog, Omnidesk and Telegram + Omnidesk desk templates',
	() => {
		const wazzup = new FakeWazzup({ apiKeys: [WAZZUP_KEY] });
		const dialog = new FakeDialog360({ apiKeys: [D360_KEY] });
		const desk = new FakeOmnidesk();
		const telegram = new FakeTelegram({ tokens: [DESK_BOT] });
		const selartis = {
			wazzup: new FakeSelarti({ apiKeys: ['queue-templates-selarti-wazzup'] }),
			dialog360: new FakeSelarti({ apiKeys: ['queue-templates-selarti-360dialog'] }),
			omnidesk: new FakeSelarti({ apiKeys: ['queue-templates-selarti-omnidesk'] }),
			desk: new FakeSelarti({ apiKeys: ['queue-templates-selarti-desk'] }),
		};
		const selartiCredentialIds = {
			wazzup: 'qtSelartiWazzup1',
			dialog360: 'qtSelarti360dlg1',
			omnidesk: 'qtSelartiOmnide1',
			desk: 'qtSelartiDesk001',
		};
		const fakes = [wazzup, dialog, desk, telegram, ...Object.values(selartis)];
		let cluster: QueueCluster;

		const wazzupChat = (d: number) => String(79_100_000_000 + d);
		const d360User = (d: number) => String(972_500_000_000 + d);
		const caseId = (d: number) => 5000 + d;
		const telegramChat = (d: number) => String(86_000_000 + d);
		/** The case the desk template opened for a Telegram dialog (its first message names the dialog). */
		const deskCaseOf = (d: number) =>
			desk.cases.find(
				(kase) =>
					kase.case_id >= 3000 &&
					kase.case_id < 5000 &&
					desk.messagesOf(kase.case_id)[0]?.content ===
						`telegram-omnidesk-desk dialog ${d} message 0`,
			);

		const templates: TemplateUnderTest[] = [
			{
				name: 'wazzup-ai-assistant',
				workflowId: 'e2eQueueTplWazzu',
				aiPath: 'wazzup-ai-assistant',
				selarti: selartis.wazzup,
				handoffNode: 'Notify managers',
				key: (d) => `wazzup:${CHANNEL.channelId}:whatsapp:${wazzupChat(d)}`,
				userSays: async (d, text) => {
					const delivery = await wazzup.deliverMessages(
						buildWazzupMessage({ channelId: CHANNEL.channelId, chatId: wazzupChat(d), text }),
					);
					expect(delivery.status).toBe(200);
				},
				received: (d) => wazzup.sentTo(wazzupChat(d)).map((m) => m.text ?? ''),
				handoffsSeen: (d) =>
					wazzup
						.sentTo(WAZZUP_MANAGERS)
						.filter((m) => (m.text ?? '').includes(`Customer: ${wazzupChat(d)} `)).length,
			},
			{
				name: '360dialog-ai-assistant',
				workflowId: 'e2eQueueTpl360dl',
				aiPath: '360dialog-ai-assistant',
				selarti: selartis.dialog360,
				handoffNode: 'Notify managers',
				key: (d) => `360dialog:${D360_NUMBER}:${d360User(d)}`,
				userSays: async (d, text) => {
					const delivery = await dialog.deliverWebhook(
						buildTextWebhook(text, { from: d360User(d), name: `User ${d}` }),
						{ apiKey: D360_KEY },
					);
					expect(delivery.status).toBe(200);
				},
				received: (d) =>
					dialog
						.sentTo(d360User(d))
						.map((m) => (m.body.text as { body?: string } | undefined)?.body ?? m.type),
				handoffsSeen: (d) =>
					dialog
						.sentTo(D360_MANAGER)
						.filter((m) =>
							((m.body.text as { body?: string } | undefined)?.body ?? '').includes(
								`+${d360User(d)}\n`,
							),
						).length,
			},
			{
				name: 'omnidesk-ai-assistant',
				workflowId: 'e2eQueueTplOmnid',
				aiPath: 'omnidesk-ai-answers',
				selarti: selartis.omnidesk,
				handoffNode: 'Hand over to humans',
				// The trigger starts the AI only while the client's message is the case's newest (its loop
				// guard), so a client writes again once answered, as in a chat.
				inTurns: true,
				key: (d) => `omnidesk:${caseId(d)}`,
				userSays: async (d, text) => {
					const message = desk.addClientMessage(caseId(d), text);
					const url = `${cluster.balancer.url}/webhook/${OMNIDESK_RULE_PATH}?token=${omnideskToken(DEFAULT_API_KEY, OMNIDESK_RULE_PATH)}`;
					const delivery = await desk.deliverWebhook(
						url,
						buildRulesWebhook({ kase: desk.caseOf(caseId(d)), message }),
					);
					expect(delivery.status).toBe(200);
				},
				received: (d) =>
					desk
						.addedTo(caseId(d))
						.filter((m) => !m.note)
						.map((m) => m.content),
				handoffsSeen: (d) => desk.addedTo(caseId(d)).filter((m) => m.note).length,
			},
			{
				name: 'telegram-omnidesk-desk',
				workflowId: 'e2eQueueTplDesk1',
				aiPath: 'telegram-omnidesk-ai',
				selarti: selartis.desk,
				handoffNode: 'Hand the case to humans',
				inTurns: true,
				key: (d) => `telegram:${DESK_BOT_ID}:${telegramChat(d)}`,
				userSays: async (d, text) => {
					const update = telegram.pushUpdate(
						privateTextUpdate(text, { chatId: Number(telegramChat(d)) }),
						DESK_BOT,
					);
					await telegram.waitForWebhookDelivery(update.update_id as number, 30_000);
				},
				received: (d) => telegram.sentTo(telegramChat(d), DESK_BOT).map((m) => m.text ?? ''),
				handoffsSeen: (d) => {
					const kase = deskCaseOf(d);
					return kase ? desk.addedTo(kase.case_id).filter((m) => m.note).length : 0;
				},
				afterTraffic: () => {
					// One case per dialog, holding the user's messages and the AI's answers once each.
					const opened = desk.cases.filter((kase) => kase.case_id >= 3000 && kase.case_id < 5000);
					expect(opened).toHaveLength(DIALOGS);
					for (let d = 0; d < DIALOGS; d++) {
						const contents = desk.messagesOf(deskCaseOf(d)!.case_id).map((m) => m.content);
						const texts = Array.from(
							{ length: MESSAGES_PER_DIALOG },
							(_, m) => `telegram-omnidesk-desk dialog ${d} message ${m}`,
						);
						expect(contents.sort()).toEqual(
							[...texts, ...texts.map((text) => `AI: ${text}`)].sort(),
						);
						expect(deskCaseOf(d)!.labels).toContain(BOT_LABEL);
					}
				},
			},
		];

		const selartiKey = (template: TemplateUnderTest) => template.selarti.apiKeys[0];
		const aiQuery = (template: TemplateUnderTest) => ({
			token: aiTriggerToken(selartiKey(template), template.aiPath),
		});

		beforeAll(async () => {
			await Promise.all(fakes.map((fake) => fake.start()));
			for (let d = 0; d < DIALOGS + REDELIVERED; d++)
				desk.cases.push(
					makeCase({ case_id: caseId(d), user_id: 7000 + d, labels: [101, BOT_LABEL] }),
				);
			cluster = await QueueCluster.create({ name: 'queue-tpl' });
			const credentials = {
				wazzup: wazzupCredential('qtWazzupCred0001', WAZZUP_KEY, wazzup.url),
				dialog360: {
					id: 'qt360dialogCred1',
					name: '360dialog qt360dialogCred1',
					type: 'omnichannel360DialogApi',
					data: { apiKey: D360_KEY, apiVariant: 'cloud', baseUrl: dialog.url },
				},
				omnidesk: omnideskCredential('qtOmnideskCred01', desk),
				telegram: telegramCredential('qtTelegramCred01', DESK_BOT, telegram.apiBaseUrl),
				selarti: Object.fromEntries(
					Object.entries(selartis).map(([name, selarti]) => [
						name,
						selartiCredential(
							selartiCredentialIds[name as keyof typeof selartis],
							selarti,
							selarti.apiKeys[0],
						),
					]),
				) as Record<keyof typeof selartis, CredentialFixture>,
			};
			await cluster.main.importCredentials([
				credentials.wazzup,
				credentials.dialog360,
				credentials.omnidesk,
				credentials.telegram,
				...Object.values(credentials.selarti),
			]);
			const ai = (name: keyof typeof selartis): [RegExp, CredentialFixture] => [
				/\.aiTask(Trigger)?$/,
				credentials.selarti[name],
			];
			await cluster.main.importWorkflows([
				filled(
					'wazzup-ai-assistant.json',
					templates[0].workflowId,
					[[/\.wazzup(Trigger)?$/, credentials.wazzup], ai('wazzup')],
					() => {},
				),
				filled(
					'360dialog-ai-assistant.json',
					templates[1].workflowId,
					[[/\.dialog360(Trigger)?$/, credentials.dialog360], ai('dialog360')],
					() => {},
				),
				filled(
					'omnidesk-ai-assistant.json',
					templates[2].workflowId,
					[[/\.omnidesk(Trigger)?$/, credentials.omnidesk], ai('omnidesk')],
					(node) => {
						if (node.name === 'Hand over to humans') node.parameters.groupId = String(HUMAN_GROUP);
					},
				),
				filled(
					'telegram-omnidesk-desk.json',
					templates[3].workflowId,
					[
						[/\.telegramBot(Trigger)?$/, credentials.telegram],
						[/\.omnidesk(Trigger)?$/, credentials.omnidesk],
						ai('desk'),
					],
					(node) => {
						if (node.name === 'Hand the case to humans')
							node.parameters.groupId = String(HUMAN_GROUP);
					},
				),
			]);
			await cluster.main.activate([
				templates[1].workflowId,
				templates[2].workflowId,
				templates[3].workflowId,
			]);
			const startedAt = Date.now();
			await cluster.start();
			// Wazzup probes the address before it accepts it: activated once the webhook processors listen.
			await cluster.main.activateViaApi(templates[0].workflowId);
			record('cluster start and activation, s', (Date.now() - startedAt) / 1000);
			await until(
				() =>
					(wazzup.webhooks.webhooksUri ?? '').startsWith(`${cluster.balancer.url}/webhook/`) &&
					(dialog.webhooks.get(D360_KEY)?.url ?? '').startsWith(
						`${cluster.balancer.url}/webhook/`,
					) &&
					(telegram.webhookOf(DESK_BOT)?.url ?? '').startsWith(`${cluster.balancer.url}/webhook/`),
				30_000,
				'the Wazzup, 360dialog and Telegram webhooks registered at the balancer',
			);
			for (const template of templates)
				aiTriggerNodeIds.set(
					template.workflowId,
					await aiTriggerNodeId(cluster.main, template.workflowId),
				);
			for (const template of templates)
				template.selarti.setAutoReply(
					`${cluster.balancer.url}/webhook/${template.aiPath}?token=${aiQuery(template).token}`,
				);
		}, 240_000);

		afterAll(async () => {
			await cluster?.stop();
			await Promise.all(fakes.map((fake) => fake.stop()));
			if (process.env.E2E_RUN_DIR)
				fs.writeFileSync(
					path.join(runDir(), 'queue-mode-templates-figures.json'),
					JSON.stringify(figures, null, '\t'),
				);
		}, 120_000);

		/**
		 * Posts an AI answer that starts a run to one webhook processor, then waits until n8n has saved
		 * its record in the database (as queue-mode.e2e.test.ts does for the Telegram template).
		 */
		const deliverAndWaitForSave = async (
			template: TemplateUnderTest,
			processor: number,
			body: Record<string, unknown>,
		): Promise<void> =>
			await cluster.readingStaticData(template.workflowId, async (read) => {
				const answer = await cluster.postTo(processor, template.aiPath, body, aiQuery(template));
				expect(answer.status).toBe(200);
				expect(isDuplicateAnswer(answer.body)).toBe(false);
				await waitFor(async () => ((await isSaved(template, body, read)) ? true : undefined), {
					timeoutMs: 15_000,
					intervalMs: 5,
					describe: () => 'n8n saved the delivery’s record',
				});
			});

		/** Whether the workflow's saved static data holds the record of this AI answer. */
		const isSaved = async (
			template: TemplateUnderTest,
			body: Record<string, unknown>,
			read: () => Promise<Record<string, unknown>> = async () =>
				await cluster.staticDataOf(template.workflowId),
		) =>
			savedMessageRecords(await read()).has(
				messageRecordKey(
					template.workflowId,
					aiTriggerNodeIds.get(template.workflowId)!,
					body.message_id,
				),
			);

		/** Which process started / enqueued each execution, from the processes' logs. */
		const processesOf = (id: string, line: string, names: string[]) =>
			names.filter((name) => new RegExp(`${line} ${id} \\(`).test(cluster.log(name)));

		describe.each(templates.map((template) => [template.name, template] as const))(
			'%s',
			(_, template) => {
				it(
					'every user message reaches the AI once with its key; every answer its own chat once; runs on the workers only',
					async () => {
						const before = await cluster.settled();
						const expected = new Map<number, string[]>();
						const answered = () =>
							[...expected.keys()].reduce((n, d) => n + template.received(d).length, 0);
						const sends: Array<Promise<void>> = [];
						for (let m = 0; m < MESSAGES_PER_DIALOG; m++) {
							for (let d = 0; d < DIALOGS; d++) {
								const text = `${template.name} dialog ${d} message ${m}`;
								expected.set(d, [...(expected.get(d) ?? []), `AI: ${text}`]);
								sends.push(template.userSays(d, text));
							}
							if (template.inTurns)
								await waitFor(async () => (answered() >= DIALOGS * (m + 1) ? true : undefined), {
									timeoutMs: 2 * 60_000,
									describe: () =>
										`the answers to message ${m} of each dialog: ${answered()} answered, ${template.selarti.sent.length} sent to the AI`,
								});
						}
						await Promise.all(sends);
						const total = DIALOGS * MESSAGES_PER_DIALOG;
						await waitFor(async () => (answered() >= total ? true : undefined), {
							timeoutMs: 3 * 60_000,
							describe: () =>
								`${total} AI answers: ${answered()} answered, ${template.selarti.sent.length} sent to the AI`,
						});
						await cluster.settled();
						template.afterTraffic?.();

						const toAi = tally(template.selarti.sent.map((m) => `${m.chat_id}|${m.text}`));
						expect([...toAi.keys()].sort()).toEqual(
							[...expected]
								.flatMap(([d, texts]) =>
									texts.map((text) => `${template.key(d)}|${text.replace(/^AI: /, '')}`),
								)
								.sort(),
						);
						expect([...toAi.values()].filter((n) => n !== 1)).toEqual([]);
						for (const [d, texts] of expected)
							expect([...template.received(d)].sort()).toEqual([...texts].sort());

						const runs = (await cluster.main.executions(template.workflowId)).filter(
							(e) => Number(e.id) > before,
						);
						expect(runs).toHaveLength(2 * total); // each user message, then each AI answer
						expect(runs.filter((e) => e.status !== 'success')).toEqual([]);
						const ranOn = tally(
							runs.map((e) =>
								processesOf(e.id, 'Worker started execution', ['main', 'worker1', 'worker2']).join(
									'+',
								),
							),
						);
						const enqueuedBy = tally(
							runs.map((e) =>
								processesOf(e.id, 'Enqueued execution', ['main', 'webhookA', 'webhookB']).join('+'),
							),
						);
						record(`${template.name}: ${total} messages, runs per worker, enqueued per process`, {
							runs: runs.length,
							ranOn: Object.fromEntries(ranOn),
							enqueuedBy: Object.fromEntries(enqueuedBy),
						});
						expect([...ranOn.keys()].sort()).toEqual(['worker1', 'worker2']);
						expect([...enqueuedBy.keys()].sort()).toEqual(['webhookA', 'webhookB']);
					},
					5 * 60_000,
				);

				it(
					'an AI answer to A, then to B once A saved it: no second run, one message; a handoff to A then B: handled once',
					async () => {
						const redelivered = Array.from({ length: REDELIVERED }, (_, i) => DIALOGS + i);
						const before = await cluster.settled();
						let ranAgainOnB = 0;
						let lostAfterSave = 0;
						for (const d of redelivered) {
							const body = buildAiWebhook({
								external_chat_id: template.key(d),
								thread_id: `${template.name}-thread-${d}`,
								message_text: `AI once to ${d}`,
							});
							await deliverAndWaitForSave(template, 0, body);
							const again = await cluster.postTo(1, template.aiPath, body, aiQuery(template));
							expect(again.status).toBe(200);
							if (!isDuplicateAnswer(again.body)) {
								ranAgainOnB++;
								// Whether A's record was gone from the database by then (a later save overwrote it).
								if (!(await isSaved(template, body))) lostAfterSave++;
							}
						}
						const runs = (await cluster.settled()) - before;
						record(
							`${template.name}: an AI answer to A then B (after A saved it): ran again on B`,
							{
								of: REDELIVERED,
								ranAgainOnB,
								lostAfterSave,
							},
						);
						expect(ranAgainOnB).toBe(0);
						expect(runs).toBe(REDELIVERED);
						for (const d of redelivered) expect(template.received(d)).toEqual([`AI once to ${d}`]);

						// Dialogs of the traffic above, so each has what its channel needs (the desk: a case).
						const handoffDialogs = Array.from({ length: HANDOFF_DIALOGS }, (_, i) => i);
						const beforeHandoffs = await cluster.settled();
						for (const d of handoffDialogs)
							for (const processor of [0, 1])
								await deliverAndWaitForSave(
									template,
									processor,
									buildAiWebhook({
										external_chat_id: template.key(d),
										thread_id: `${template.name}-handoff-${d}`,
										message_type: 'operator',
										is_bot: false,
										operator: true,
										message_text: `Operator ${processor} to ${d}`,
										panel_url: `https://selarti.example/panel/dialog/${template.name}-${d}`,
									}),
								);
						await cluster.settled();
						const handoffRuns = (await cluster.main.executions(template.workflowId)).filter(
							(e) => Number(e.id) > beforeHandoffs,
						);
						const handled = handoffRuns.filter(
							(e) => e.runData[template.handoffNode]?.length,
						).length;
						const seen = handoffDialogs.map((d) => template.handoffsSeen(d));
						record(
							`${template.name}: handoff (operator messages to A then B): handoff runs, notices per dialog`,
							{
								dialogs: HANDOFF_DIALOGS,
								handoffRuns: handled,
								seen,
							},
						);
						expect(handoffRuns).toHaveLength(2 * HANDOFF_DIALOGS);
						expect(handoffRuns.filter((e) => e.status !== 'success')).toEqual([]);
						expect(handled).toBe(HANDOFF_DIALOGS);
						expect(seen).toEqual(handoffDialogs.map(() => 1));
						for (const d of handoffDialogs)
							expect(
								template
									.received(d)
									.filter((text) => text.startsWith('Operator '))
									.sort(),
							).toEqual([`Operator 0 to ${d}`, `Operator 1 to ${d}`]);
					},
					5 * 60_000,
				);
			},
		);
	},
);
