import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { dispatchTable } from '../../../../nodes/shared';
import {
	TELEGRAM_RESOURCES,
	type TelegramAction,
} from '../../../../nodes/TelegramBot/actions/resources';
import { TelegramBot } from '../../../../nodes/TelegramBot/TelegramBot.node';

const properties = new TelegramBot().description.properties;

function selector(name: string, resource?: string): INodeProperties | undefined {
	return properties.find(
		(property) =>
			property.name === name &&
			(resource === undefined || property.displayOptions?.show?.resource?.[0] === resource),
	);
}

describe('Telegram Bot resources and operations', () => {
	// Saved workflows omit default values: changing a default changes what they do.
	it('keeps the defaults of the Resource and Operation selectors', () => {
		expect(selector('resource')?.default).toBe('message');
		expect(selector('operation', 'message')?.default).toBe('sendText');
		expect(selector('operation', 'callback')?.default).toBe('answer');
		expect(selector('operation', 'file')?.default).toBe('get');
	});

	it('offers exactly the operations that have a definition, each once', () => {
		const table = dispatchTable(TELEGRAM_RESOURCES);
		expect([...table.keys()].sort()).toEqual(
			[
				'callback:answer',
				'file:get',
				'message:delete',
				'message:editText',
				'message:sendAudio',
				'message:sendChatAction',
				'message:sendDocument',
				'message:sendPhoto',
				'message:sendText',
				'message:sendVideo',
				'message:sendVoice',
			].sort(),
		);
		for (const resource of TELEGRAM_RESOURCES) {
			const offered = (selector('operation', resource.value)?.options ?? []).map((option) =>
				'value' in option ? option.value : undefined,
			);
			expect([...offered].sort()).toEqual(
				resource.operations.map((operation) => operation.value).sort(),
			);
		}
	});

	it('writes every operation value in one operation object only', () => {
		const actions = path.resolve(__dirname, '../../../../nodes/TelegramBot/actions');
		const sources = fs
			.readdirSync(actions, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.operation.ts'))
			.map((file) => fs.readFileSync(path.join(actions, file), 'utf8'));
		for (const operation of dispatchTable(TELEGRAM_RESOURCES).values()) {
			const places = sources
				.map((source) => source.split(`value: '${operation.value}',`).length - 1)
				.reduce((sum, count) => sum + count, 0);
			expect({ operation: operation.value, places }).toEqual({
				operation: operation.value,
				places: 1,
			});
		}
	});

	it('names every action as "resource:operation" at compile time', () => {
		const action: TelegramAction = 'message:sendText';
		// @ts-expect-error a misspelt operation is not a Telegram action
		const misspelt: TelegramAction = 'message:sendTxt';
		expect([action, misspelt]).toHaveLength(2);
	});
});
