/**
 * Case statuses as a rule writes them: Omnidesk's codes (open, waiting, closed) or the names its
 * UI shows in the account's language ("открытое" is confirmed by api-reference §2.6; the other
 * spellings are inferred). Unknown names are kept as the label, without a code.
 */
const STATUS_WORDS: Record<string, 'open' | 'waiting' | 'closed'> = {
	open: 'open',
	opened: 'open',
	new: 'open',
	открытое: 'open',
	открыто: 'open',
	открыт: 'open',
	новое: 'open',
	waiting: 'waiting',
	pending: 'waiting',
	ожидающее: 'waiting',
	'в ожидании': 'waiting',
	ожидание: 'waiting',
	closed: 'closed',
	resolved: 'closed',
	закрытое: 'closed',
	закрыто: 'closed',
	закрыт: 'closed',
};

export function normalizeStatus(value: string | undefined): { status?: string; label?: string } {
	if (!value) return {};
	return { status: STATUS_WORDS[value.trim().toLowerCase()], label: value };
}
