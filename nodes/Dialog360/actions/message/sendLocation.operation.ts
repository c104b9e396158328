import type { IDataObject } from 'n8n-workflow';

import { defineOperation, InputError, optionsCollection } from '../../../shared';
import { chatIdField } from '../../descriptions';
import { resolveRecipient } from '../../helpers/chat';
import { sendMessage, sentOutput, type Dialog360OperationContext } from '../../helpers/send';

function coordinate(value: unknown, field: string, max: number): number {
	const number = typeof value === 'number' ? value : Number(String(value ?? '').trim());
	if (!Number.isFinite(number) || Math.abs(number) > max || String(value ?? '').trim() === '')
		throw new InputError(
			`"${field}" must be a number between -${max} and ${max}, got "${String(value)}".`,
		);
	return number;
}

export const sendLocation = defineOperation({
	value: 'sendLocation',
	name: 'Send Location',
	action: 'Send a location',
	properties: [
		chatIdField,
		{ displayName: 'Latitude', name: 'latitude', type: 'number', default: 0, required: true },
		{ displayName: 'Longitude', name: 'longitude', type: 'number', default: 0, required: true },
		optionsCollection([
			{ displayName: 'Address', name: 'address', type: 'string', default: '' },
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'The place, e.g. "Our shop"',
			},
		]),
	],
	async execute(context: Dialog360OperationContext) {
		const to = resolveRecipient(context.parameter('chatId'));
		const options = context.parameter<IDataObject>('options', {});
		const payload: IDataObject = {
			latitude: coordinate(context.parameter('latitude'), 'Latitude', 90),
			longitude: coordinate(context.parameter('longitude'), 'Longitude', 180),
		};
		if (options.name) payload.name = String(options.name);
		if (options.address) payload.address = String(options.address);
		const id = await sendMessage(context, to, 'location', payload);
		return { json: sentOutput(to, [id]) };
	},
});
