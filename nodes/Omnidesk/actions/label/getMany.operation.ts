import { listOperation } from '../../helpers/listOperation';

export const getMany = listOperation({ noun: 'labels', path: '/labels.json', key: 'label' });
