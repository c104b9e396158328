import { listOperation } from '../../helpers/listOperation';

export const getMany = listOperation({ noun: 'staff members', path: '/staff.json', key: 'staff' });
