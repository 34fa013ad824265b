import { ApiProperty } from '@nestjs/swagger';

export class CalendarSubscriptionDto {
  @ApiProperty({
    example: 'https://enplan.kommune.dk/api/v1/calendar/q3Xw0n1l5v0dQ2b3j6r8Zk1c4a7e9g0h2i4k6m8o0p2.ics',
    description: 'The subscription URL, shown only now: paste it into your calendar program. It is a secret (a random token, no name or CPR number)',
  })
  url: string;
  @ApiProperty({ example: 'webcal://enplan.kommune.dk/api/v1/calendar/q3Xw0n1l5v0dQ2b3j6r8Zk1c4a7e9g0h2i4k6m8o0p2.ics', description: 'The same URL for programs that subscribe on a webcal: link' })
  webcal: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-05T09:00:00.000Z' })
  createdAt: string;
  @ApiProperty({ example: false, description: 'True when this replaced an earlier URL, which stopped working' })
  rotated: boolean;
}
