export * from './lib/calendar/calendar-sql';
export * from './lib/posts/posts.service';
export * from './lib/posts.module';
