import { resetTriggerMemory } from '../../../../nodes/Omnidesk/trigger/memory';
import { FORM_CONTENT_TYPE } from '../../../helpers/hostile';
import { describeHostileInput, expectWellFormedAnswer } from '../../../helpers/hostile-suite';
import { marker, omnideskTrigger } from '../../../helpers/hostile-triggers';
import { omnideskTriggerHarness } from '../../../helpers/trigger-harnesses';

const harness = () => omnideskTriggerHarness({ workflowId: 'wfHostileInput01' });

describeHostileInput(omnideskTrigger, harness, resetTriggerMemory);

describe('Omnidesk Trigger: a rule body sent as a form', () => {
	beforeEach(() => resetTriggerMemory());

	/** What n8n hands webhook() for a form: the fields it parsed, and the raw text. */
	const deliverForm = async (fields: Record<string, string | string[]>) => {
		const raw = new URLSearchParams(
			Object.entries(fields).flatMap(([key, value]) =>
				(Array.isArray(value) ? value : [value]).map((item): [string, string] => [key, item]),
			),
		).toString();
		const body = Object.assign(Object.create(null) as object, fields);
		const { result, response } = await harness().webhook({
			body,
			rawBody: raw,
			headers: { 'content-type': FORM_CONTENT_TYPE },
			query: omnideskTrigger.secret('right', '', '').query,
		});
		const items = (result.workflowData ?? []).flat().map((item) => item.json);
		return { result, response, items };
	};

	it('starts a run from the flat rule body as form fields, answered exactly {"ok":true}', async () => {
		const delivered = await deliverForm(omnideskTrigger.valid(5) as Record<string, string>);
		expect(delivered.response.statusCode).toBe(200);
		expect(delivered.response.body).toEqual({ ok: true });
		expect(delivered.items).toHaveLength(1);
		expect(delivered.items[0]).toMatchObject({
			conversation: { key: 'omnidesk:3005' },
			message: { text: marker(5) },
		});
		expectWellFormedAnswer(omnideskTrigger, delivered);
	});

	it.each<[string, Record<string, string | string[]>, RegExp]>([
		['an empty form', {}, /empty/],
		[
			'case_id given twice',
			{ ...(omnideskTrigger.valid(6) as object), case_id: ['1', '2'] },
			/case_id/,
		],
		['no case_id', { event: 'new_message', last_message: 'hi' }, /case_id/],
	])('refuses %s with 400 and starts nothing', async (_label, fields, problem) => {
		const delivered = await deliverForm(fields);
		expect(delivered.response.statusCode).toBe(400);
		expect(JSON.stringify(delivered.response.body)).toMatch(problem);
		expectWellFormedAnswer(omnideskTrigger, delivered);
	});
});
