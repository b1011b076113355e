export * from './lib/calendar/calendar-sql';
export * from './lib/posts/posts.service';
export * from './lib/posts.module';
export * from './lib/posts/post-rows';
export * from './lib/posts/posts-reader';
export * from './lib/workflow/apply-workflow-change';
export * from './lib/workflow/workflow-state';
export * from './lib/calendar/calendar-query.dto';
