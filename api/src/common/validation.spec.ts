import type { ArgumentMetadata } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { createValidationPipe } from './validation.js';
import { IsCalendarDate, NotAfterToday, todayIso } from './validators.js';

class Sample {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  budgetEur?: number;

  @IsOptional()
  @IsCalendarDate()
  @NotAfterToday()
  date?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  street?: string;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: Sample };
const refusal = async (body: object): Promise<unknown> =>
  createValidationPipe()
    .transform(body, metadata)
    .then(
      () => null,
      (error: { details?: unknown }) => error.details,
    );

describe('the validation pipe', () => {
  it('names each broken rule with its limit, so the dashboard can say what is allowed', async () => {
    expect(await refusal({ budgetEur: -5 })).toEqual({
      fields: [{ field: 'budgetEur', problems: [expect.any(String)], rules: [{ rule: 'min', limit: 0 }] }],
    });
    expect(await refusal({ budgetEur: 100_001 })).toMatchObject({
      fields: [{ field: 'budgetEur', rules: [{ rule: 'max', limit: 100_000 }] }],
    });
  });

  it('names the length a text may have', async () => {
    expect(await refusal({ street: 'x'.repeat(201) })).toMatchObject({
      fields: [{ field: 'street', rules: [{ rule: 'maxLength', limit: 200 }] }],
    });
  });

  it('refuses a date after today (in Germany), accepts today', async () => {
    expect(await refusal({ date: '2099-01-01' })).toMatchObject({
      fields: [{ field: 'date', rules: [{ rule: 'notAfterToday' }] }],
    });
    expect(await refusal({ date: todayIso() })).toBeNull();
    expect(await refusal({ date: '2025-02-30' })).toMatchObject({
      fields: [{ field: 'date', rules: [{ rule: 'isCalendarDate' }] }],
    });
  });
});
