/**
 * The bodies to paste into the webhook action of two Omnidesk rules. Omnidesk sends whatever the
 * admin writes, with [placeholders] filled in; the placeholder names follow a public project's
 * rule template (api-reference §2.6: their exact syntax is not documented). Every value is quoted,
 * so a placeholder Omnidesk fills with a number or leaves empty is still valid JSON.
 */
const common = {
	case_id: '[case_id]',
	case_number: '[case_number]',
	case_subject: '[case_subject]',
	case_status: '[case_status]',
	case_tags: '[case_tags]',
	user_id: '[user_id]',
	user_full_name: '[user_full_name]',
	user_email: '[user_email]',
	user_phone: '[user_phone]',
};

/** Rule on "incoming cases" (a new case). */
export const NEW_CASE_RULE_BODY = JSON.stringify({
	event: 'new_case',
	...common,
	case_description: '[case_description]',
});

/** Rule on "changed cases", condition "a client replied" (a new message in a case). */
export const NEW_MESSAGE_RULE_BODY = JSON.stringify({
	event: 'new_message',
	...common,
	last_message: '[last_message]',
	last_message_id: '[last_message_id]',
	last_staff_id: '[last_staff_id]',
});

/**
 * Rule on "changed cases", condition "a staff member replied": only for the Staff Reply event,
 * when operators answer in Omnidesk and a workflow takes the reply to another channel.
 */
export const STAFF_REPLY_RULE_BODY = JSON.stringify({
	event: 'staff_reply',
	...common,
	last_message: '[last_message]',
	last_message_id: '[last_message_id]',
	last_staff_id: '[last_staff_id]',
});
