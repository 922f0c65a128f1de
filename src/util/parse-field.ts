// Moved to the shared error grammar; kept for the components that import it from here.
export { parseField } from '../common/field-error';
