import type { Locale, UserView } from '@kadens/shared/contracts';
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUserView(user: Pick<User, 'id' | 'email' | 'name' | 'locale'>): UserView {
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  locale?: Locale | null;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  findByEmail(email: string, manager: EntityManager = this.db.manager): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ email: normalizeEmail(email) });
  }

  async findWithPasswordHash(email: string): Promise<User | null> {
    return this.db
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: normalizeEmail(email) })
      .getOne();
  }

  async create(input: NewUser, manager: EntityManager = this.db.manager): Promise<User> {
    const email = normalizeEmail(input.email);
    const passwordHash = await this.hasher.hash(input.password);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(User)
      .values({ email, name: input.name.trim(), passwordHash, locale: input.locale ?? null })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
    if (!id) throw new ConflictException({ message: `email: ${email} already has an account`, code: 'email_taken' });
    return manager.getRepository(User).findOneByOrFail({ id });
  }

  async update(id: string, changes: { name?: string; locale?: Locale | null }): Promise<User> {
    const repository = this.db.getRepository(User);
    const patch: Partial<User> = {};
    if (changes.name !== undefined) patch.name = changes.name.trim();
    if (changes.locale !== undefined) patch.locale = changes.locale;
    if (Object.keys(patch).length > 0) await repository.update({ id }, patch);
    return repository.findOneByOrFail({ id });
  }
}
