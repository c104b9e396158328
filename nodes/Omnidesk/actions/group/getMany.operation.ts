import { listOperation } from '../../helpers/listOperation';

export const getMany = listOperation({ noun: 'groups', path: '/groups.json', key: 'group' });
