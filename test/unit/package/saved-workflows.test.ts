/**
 * Saved workflows and the shipped templates store node types, parameter names and only the
 * values that differ from a parameter's default. parameters-0.1.0.json records what 0.1.0's nodes
 * offered (every resource/operation with its parameters, types, defaults and option values);
 * later versions may add, never change or remove, or saved workflows would silently change.
 */
import { AiTask } from '../../../nodes/AiTask/AiTask.node';
import { AiTaskTrigger } from '../../../nodes/AiTask/AiTaskTrigger.node';
import { TelegramBot } from '../../../nodes/TelegramBot/TelegramBot.node';
import { TelegramBotPollingTrigger } from '../../../nodes/TelegramBot/TelegramBotPollingTrigger.node';
import { TelegramBotTrigger } from '../../../nodes/TelegramBot/TelegramBotTrigger.node';
import { parameterSurface, type ParameterSurface } from '../../helpers/parameter-surface';
import released from './parameters-0.1.0.json';

const current: Record<string, ParameterSurface> = {
	AiTask: parameterSurface(new AiTask().description),
	AiTaskTrigger: parameterSurface(new AiTaskTrigger().description),
	TelegramBot: parameterSurface(new TelegramBot().description),
	TelegramBotTrigger: parameterSurface(new TelegramBotTrigger().description),
	TelegramBotPollingTrigger: parameterSurface(new TelegramBotPollingTrigger().description),
};

describe.each(Object.keys(released))('%s keeps what 0.1.0 saved workflows rely on', (node) => {
	const before = (released as Record<string, ParameterSurface>)[node];
	const now = current[node];

	it('has the same type name, version and credentials', () => {
		expect({ name: now.name, version: now.version, credentials: now.credentials }).toEqual({
			name: before.name,
			version: before.version,
			credentials: before.credentials,
		});
	});

	it.each(Object.keys(before.views))('offers everything %s offered', (view) => {
		const missing = before.views[view].filter((parameter) => !now.views[view]?.includes(parameter));
		expect(missing).toEqual([]);
	});
});
