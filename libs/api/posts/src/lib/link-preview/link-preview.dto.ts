import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, MaxLength } from 'class-validator';

export class LinkPreviewQueryDto {
  @ApiProperty({ description: 'The http(s) address whose card to read', example: 'https://fjordvik.kommune.no/nyheter/skolemat' })
  @IsString()
  @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) address' })
  url!: string;
}
