// Events after commit: a change records its events in its own transaction (recordEvent); the dispatcher delivers
// them to subscribers once the transaction has committed.
export { DeadLetterService, type EventsAccess } from './dead-letter.service.ts';
export type { DeliveredEvent, DomainEvent } from './domain-event.ts';
export { OutboxDispatcher, type DispatcherOptions, type Subscriber } from './outbox.dispatcher.ts';
export { recordEvent } from './outbox.recorder.ts';
export { OutboxRepository, type DeadLetterRow } from './outbox.repository.ts';
