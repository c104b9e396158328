import { planHandover } from '../../../../nodes/Omnidesk/helpers/handover';

describe('planHandover', () => {
	const kase = { case_id: 2001, labels: [101, '104'], group_id: 55, staff_id: 33 };

	it('removes the bot label and moves group and staff when they differ', () => {
		expect(planHandover(kase, { botLabelId: 104, groupId: 44, staffId: 22 })).toEqual({
			fields: { labels: [101], group_id: 44, staff_id: 22 },
			changes: ['removed label 104', 'group 55 → 44', 'staff 33 → 22'],
		});
	});

	it('plans nothing when the case is already with humans (ids as strings or numbers)', () => {
		const handedOver = { case_id: '2001', labels: ['101'], group_id: '44', staff_id: 22 };
		expect(planHandover(handedOver, { botLabelId: 104, groupId: 44, staffId: 22 })).toEqual({
			fields: {},
			changes: [],
		});
	});

	it('leaves alone what the handoff does not name', () => {
		expect(planHandover(kase, { groupId: 44 }).fields).toEqual({ group_id: 44 });
	});
});
