import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDefined, Matches } from 'class-validator';

export class EvaluationQueryDto {
  @ApiProperty({ example: '2026-11', description: 'A month (YYYY-MM) or a quarter (YYYY-Qn).' })
  @IsDefined({ message: 'period must be a month (2026-11) or a quarter (2026-Q4)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { message: 'period must be a month (2026-11) or a quarter (2026-Q4)' })
  period!: string;
}

export class MailPreferenceDto {
  @ApiProperty({ description: 'Receive the monthly evaluation by e-mail (admins receive it).' })
  @IsDefined()
  @IsBoolean()
  monthlyEvaluation!: boolean;
}

export class PublicPromisesKeptSettingDto {
  @ApiProperty({ description: 'Show the share of weeks with the cadence kept on the public availability page.' })
  @IsDefined()
  @IsBoolean()
  show!: boolean;
}
